using Gongjiang.Application.Common.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongjiang.Web.Infrastructure;

/// <summary>The one place a use case's errors reach a form: each error under its field in the user's language.</summary>
public static class ResultForms
{
    /// <summary>Adds the errors to the model state (field errors under "Form.field", others under ""), returning whether there were any.</summary>
    public static bool AddResultErrors(this ModelStateDictionary modelState, IEnumerable<Error> errors, string prefix = "")
    {
        var any = false;
        foreach (var error in errors)
        {
            any = true;
            var key = error.Field is null ? "" : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, ErrorText.For(error));
        }
        return any;
    }

    /// <summary>
    /// Errors of a use case that names fields as the API does (userName, phone) onto a form whose bound properties carry
    /// the same names in Pascal case (UserName, Phone).
    /// </summary>
    public static bool AddResultErrorsToProperties(this ModelStateDictionary modelState, IEnumerable<Error> errors) =>
        modelState.AddResultErrors(errors.Select(e => e.ForField(e.Field is { Length: > 0 } f ? char.ToUpperInvariant(f[0]) + f[1..] : e.Field)));

    /// <summary>The messages of one field ("" for the form as a whole).</summary>
    public static IReadOnlyList<string> MessagesOf(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).Distinct().ToList() : [];
}
