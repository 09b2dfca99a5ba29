using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gongjiang.Web.Infrastructure;

/// <summary>
/// A query parameter the endpoint binds as text so that its use case can name it in a 400 when it is not a number:
/// the OpenAPI document still states the type it holds (<c>integer</c> or <c>number</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class QueryTypeAttribute(string type) : Attribute
{
    public string Type { get; } = type;
}

/// <summary>
/// Writes what the query parameters' attributes say into the OpenAPI document: the type of <see cref="QueryTypeAttribute"/>,
/// the bounds of <see cref="RangeAttribute"/> (which the use case enforces with a 400 naming the field) and the text of
/// <see cref="DescriptionAttribute"/>.
/// </summary>
internal sealed class QueryParameterDocs : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters is not { Count: > 0 } parameters) return Task.CompletedTask;
        foreach (var described in context.Description.ParameterDescriptions)
        {
            if (described.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: var info }) continue;
            if (parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.In == ParameterLocation.Query
                    && string.Equals(p.Name, described.Name, StringComparison.OrdinalIgnoreCase)) is not { } parameter) continue;
            var schema = parameter.Schema as OpenApiSchema ?? new OpenApiSchema();
            if (info.GetCustomAttribute<QueryTypeAttribute>() is { } type)
            {
                schema.Type = type.Type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.Number;
                schema.Format = type.Type == "integer" ? "int32" : "double";
            }
            if (info.GetCustomAttribute<RangeAttribute>() is { } range)
            {
                schema.Minimum ??= Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
                schema.Maximum ??= Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
            }
            parameter.Schema = schema;
            if (info.GetCustomAttribute<DescriptionAttribute>() is { } description && string.IsNullOrEmpty(parameter.Description))
                parameter.Description = description.Description;
        }
        return Task.CompletedTask;
    }
}
