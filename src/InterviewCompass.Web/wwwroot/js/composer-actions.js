// The composer's Copy, Open in mail app and Download .txt: each takes exactly what is on screen, and Copy says when the
// text still has a {placeholder} to fill, by the label of its field.

function mailtoFor(subject, body) {
    return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, "\r\n"))}`;
}

function fileText(subject, body) {
    const text = subject.trim() === "" ? body : `Subject: ${subject}\n\n${body}`;
    return text.replace(/\r?\n/g, "\r\n");
}

export function wireActions(form, ui) {
    const { copy, mailto, download, actionStatus, subject, body, kind } = ui;
    const announce = (text) => { actionStatus.textContent = text; };

    // The labels of the fields a text still holds as {placeholders}, as the form names them ("Who it is to").
    function unfilled(text) {
        const names = [...new Set(text.match(/\{[A-Za-z][A-Za-z0-9_-]*\}/g) ?? [])];
        return names.map((placeholder) => {
            const input = form.querySelector(`input[name='Field[${placeholder.slice(1, -1)}]']`);
            const label = input?.labels?.[0]?.textContent?.replace(/\s*\(optional\)\s*$/i, "").trim();
            return label ? `\u201c${label}\u201d` : placeholder;
        });
    }

    copy.hidden = false;
    copy.addEventListener("click", async () => {
        const text = body.value;
        const missing = unfilled(text);
        try {
            await navigator.clipboard.writeText(text);
            if (missing.length > 0) {
                announce(`Copied, but it still has a gap to fill: ${missing.join(", ")}`);
                return;
            }
            announce(actionStatus.textContent === "Copied" ? "Copied again" : "Copied");
        } catch {
            body.focus();
            body.select();
            announce("The text is selected: copy it with your device's copy command.");
        }
    });

    mailto.addEventListener("click", () => {
        mailto.href = mailtoFor(subject.value, body.value);
    });

    download.addEventListener("click", () => {
        download.href = "data:text/plain;charset=utf-8," + encodeURIComponent(fileText(subject.value, body.value));
        download.setAttribute("download", `${kind.value}.txt`);
        announce("Downloaded");
    });
}
