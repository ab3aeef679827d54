using System.Reflection;
using System.Text.Json.Nodes;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) tells the truth, so a generated client works: every error status a
/// route can answer is listed with its problem details, ids and answer values are enums read from the content, and the
/// owner's routes name the <c>ic-owner</c> cookie as their security scheme.
/// </summary>
internal static class ApiDocument
{
    public const string OwnerScheme = "ic-owner";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[OwnerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "ic-owner",
                Description = "The anonymous owner: an HttpOnly, data-protected cookie issued by the first save (or a redeemed transfer code). " +
                    "Without it the owner's routes see nothing (empty lists, 404).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<OwnerCookieSecurityMetadata>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OwnerScheme, context.Document)] = [] });
            }

            if (metadata.OfType<IdempotentMetadata>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = Idempotency.Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "A new random key (e.g. a UUID) per request: sent again with the same request, the first answer comes back and nothing is kept twice.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = InputLimits.IdempotencyKey },
                });
            }

            if (context.Description.RelativePath?.StartsWith("api/v1/checklists/{id}", StringComparison.Ordinal) == true
                && operation.Parameters?.FirstOrDefault(p => p.Name == "id") is OpenApiParameter { Schema: OpenApiSchema } id)
            {
                var catalog = context.ApplicationServices.GetRequiredService<ContentCatalog>();
                id.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Values(catalog.Checklists.Select(c => c.Id)) };
            }

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is not { } property)
            {
                return Task.CompletedTask;
            }

            var catalog = context.ApplicationServices.GetRequiredService<ContentCatalog>();
            var owner = property.DeclaringType;
            switch (property.Name)
            {
                case "checklist" when owner == typeof(SessionInput):
                    schema.Enum = Values(catalog.Checklists.Select(c => c.Id));
                    break;
                case "answers" when owner == typeof(SessionInput) || owner == typeof(AssessRequest):
                    schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Values(Answers.RaiseFirst) };
                    break;
                case "kind" when owner == typeof(DraftInput) || owner == typeof(ComposeMessageRequest) || owner == typeof(LintMessageRequest):
                    schema.Enum = Values(catalog.MessageKinds.Select(k => k.Id));
                    break;
                case "tone" when owner == typeof(DraftInput) || owner == typeof(ComposeMessageRequest):
                    schema.Enum = Values(Tones.All);
                    break;
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Lists on each API endpoint the error statuses it can answer (all as problem details): 400 for a body or query value
    /// it cannot use, 404 for an id it does not know, 409 for a write that lost a race or an idempotency key still in use,
    /// 410 for a replayed idempotency key whose result was deleted since, 413 and 415 for a body too large or not JSON, 422
    /// for an idempotency key reused with another request, 429 for a write over the rate limit, 503 for a database that
    /// cannot be written, 500 for a bug.
    /// </summary>
    public static TBuilder WithDocumentedErrors<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
            var write = methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m));
            var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern;
            var routeValues = pattern?.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            var queryValues = handler?.GetParameters().Any(p => !routeValues.Contains(p.Name ?? "") && IsQueryValue(p.ParameterType)) ?? false;
            var body = endpoint.Metadata.OfType<IAcceptsMetadata>().Any();
            var owner = endpoint.Metadata.OfType<OwnerCookieSecurityMetadata>().Any();
            var idempotent = endpoint.Metadata.OfType<IdempotentMetadata>().Any();

            var statuses = new SortedSet<int> { StatusCodes.Status500InternalServerError };
            if (body || queryValues || idempotent)
            {
                statuses.Add(StatusCodes.Status400BadRequest);
            }

            if (routeValues.Count > 0)
            {
                statuses.Add(StatusCodes.Status404NotFound);
            }

            if (write)
            {
                statuses.UnionWith([StatusCodes.Status413PayloadTooLarge, StatusCodes.Status429TooManyRequests]);
            }

            if (write && owner)
            {
                // The database cannot be written (a full disk, a read-only file): try again after Retry-After.
                statuses.Add(StatusCodes.Status503ServiceUnavailable);
            }

            if (write && (body || owner))
            {
                statuses.Add(StatusCodes.Status415UnsupportedMediaType);
            }

            if (write && owner)
            {
                statuses.Add(StatusCodes.Status409Conflict);
            }

            if (idempotent)
            {
                statuses.UnionWith([StatusCodes.Status409Conflict, StatusCodes.Status410Gone, StatusCodes.Status422UnprocessableEntity]);
            }

            var documented = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).ToHashSet();
            foreach (var status in statuses.Where(s => !documented.Contains(s)))
            {
                var type = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, type, ["application/problem+json"]));
            }
        });
        return builder;
    }

    private static bool IsQueryValue(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t.IsPrimitive || t == typeof(string) || t == typeof(Guid));

    private static List<JsonNode> Values(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
}

/// <summary>Marks the owner's routes: they read the <c>ic-owner</c> cookie (the OpenAPI security scheme).</summary>
internal sealed class OwnerCookieSecurityMetadata;
