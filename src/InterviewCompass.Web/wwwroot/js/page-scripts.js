// Each page names the modules it uses with <link rel="modulepreload" data-page-script href="..."> (Shared/PageScript.razor);
// this imports them. Enhanced navigation patches pages in without running their scripts, so it looks again after each one.
// A module is evaluated once per document: each registers its own listeners for later enhanced loads.
function importPageScripts() {
    for (const link of document.querySelectorAll("link[data-page-script]")) {
        import(link.href).catch((error) => console.warn(`Could not load ${link.href}`, error));
    }
}

importPageScripts();
window.Blazor?.addEventListener?.("enhancedload", importPageScripts);
