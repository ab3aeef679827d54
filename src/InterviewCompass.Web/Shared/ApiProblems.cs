using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Shared;

/// <summary>The problem details the content API answers with, so every error reads the same way.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(
            title: $"Unknown {what}",
            detail: $"There is no {what} with id '{id}'.",
            statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static ValidationProblem Invalid(string title, IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            title: title,
            detail: string.Join(" ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))));
}
