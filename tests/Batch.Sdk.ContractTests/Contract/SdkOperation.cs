using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Batch.Sdk.ContractTests.Spec;
using Batch.Sdk.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Batch.Sdk.ContractTests.Contract;

/// <summary>
/// The SDK method of a spec operation, found mechanically: <c>pushCampaigns_getStats</c> is
/// <c>IBatchClient.PushCampaigns.GetStatsAsync</c>. Arguments come from the spec: path values from parameter
/// examples, query values from example, enum, default or minimum, the body from a request example.
/// </summary>
internal sealed class SdkOperation
{
    /// <summary>The path parameter the SDK fills from <see cref="BatchClientOptions.AppApiKey"/>.</summary>
    public const string AppApiKeyParameter = "apiKey";

    private static readonly Regex SafePathValue = new("^[A-Za-z0-9_-]+$");
    private static readonly JsonSerializerSettings SdkJson = BatchJson.Configure(new JsonSerializerSettings());

    private readonly PropertyInfo _client;
    private readonly MethodInfo _method;
    private readonly SpecOperation _operation;

    private SdkOperation(SpecOperation operation, PropertyInfo client, MethodInfo method)
    {
        _operation = operation;
        _client = client;
        _method = method;
    }

    /// <summary>The SDK's result type, or null when the method returns a bare <see cref="Task"/>.</summary>
    public Type? ResultType => _method.ReturnType.IsGenericType ? _method.ReturnType.GetGenericArguments()[0] : null;

    /// <exception cref="InvalidOperationException">The SDK has no client or method for the operation.</exception>
    public static SdkOperation For(SpecOperation operation)
    {
        var clientName = Pascal(operation.ClientName);
        var client = new[] { typeof(IBatchClient) }.Concat(typeof(IBatchClient).GetInterfaces())
                         .Select(type => type.GetProperty(clientName))
                         .SingleOrDefault(property => property is not null)
                     ?? throw new InvalidOperationException($"{operation.Id}: IBatchClient has no client property {clientName}.");
        var methodName = Pascal(operation.Verb) + "Async";
        var methods = client.PropertyType.GetMethods().Where(method => method.Name == methodName).ToList();
        if (methods.Count != 1)
            throw new InvalidOperationException($"{operation.Id}: {client.PropertyType.Name} has {methods.Count} methods named {methodName}, expected one.");
        var sdkParameters = methods[0].GetParameters().Select(parameter => parameter.Name).ToHashSet();
        var unbound = operation.Parameters
            .Where(parameter => (string?)parameter["in"] is "path" or "query" && (string?)parameter["name"] != AppApiKeyParameter)
            .Select(CodeName)
            .Where(name => !sdkParameters.Contains(name))
            .ToList();
        if (unbound.Count > 0)
            throw new InvalidOperationException($"{operation.Id}: {methodName} cannot send the spec parameters {string.Join(", ", unbound)}.");
        return new SdkOperation(operation, client, methods[0]);
    }

    /// <summary>Calls the method with arguments taken from the spec and the typed <paramref name="body"/>, and returns its result.</summary>
    public async Task<object?> InvokeAsync(IBatchClient batch, object? body)
    {
        var arguments = _method.GetParameters().Select(parameter => Argument(parameter, body)).ToArray();
        var task = (Task)_method.Invoke(_client.GetValue(batch), arguments)!;
        await task.ConfigureAwait(false);
        return ResultType is null ? null : task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
    }

    /// <summary>The name of the body parameter in the SDK: the request body's <c>x-name</c> in the spec.</summary>
    private string? BodyParameterName => (string?)_operation.RequestBody?["x-name"];

    /// <summary>The request body as the SDK's typed model, read with the SDK's own JSON settings.</summary>
    public object Body(JToken body)
    {
        var parameter = _method.GetParameters().SingleOrDefault(candidate => candidate.Name == BodyParameterName)
                        ?? throw new InvalidOperationException($"{_operation.Id}: {_method.Name} takes no body.");
        return JsonConvert.DeserializeObject(body.ToString(), parameter.ParameterType, SdkJson)!;
    }

    private object? Argument(ParameterInfo parameter, object? body)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
            return CancellationToken.None;
        if (parameter.Name == BodyParameterName)
            return body ?? throw new InvalidOperationException($"{_operation.Id}: the method takes a body and no request example was given.");

        var specParameter = _operation.Parameters.SingleOrDefault(candidate => CodeName(candidate) == parameter.Name)
                            ?? throw new InvalidOperationException($"{_operation.Id}: the SDK parameter {parameter.Name} matches no spec parameter.");
        var value = (string)specParameter["in"]! == "path" ? PathValue(specParameter) : QueryValue(specParameter);
        return value is null ? null : Convert(value, parameter.ParameterType);
    }

    private static JToken PathValue(JObject parameter) =>
        parameter["example"] is JValue { Value: string example } && SafePathValue.IsMatch(example) ? example : "contract-value";

    private JToken? QueryValue(JObject parameter)
    {
        var schema = parameter["schema"] ?? new JObject();
        var value = parameter["example"] ?? (schema["enum"] as JArray)?.FirstOrDefault() ?? schema["default"] ?? schema["minimum"];
        if (value is null && parameter["required"]?.Value<bool>() == true)
            throw new InvalidOperationException($"{_operation.Id}: the required query parameter {parameter["name"]} has no example, enum, default or minimum.");
        return value;
    }

    private static object? Convert(JToken value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(DateTimeOffset)
            ? DateTimeOffset.Parse((string)value!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : value.ToObject(target);
    }

    /// <summary>The name NSwag gives a parameter: <c>x-originalName</c>, else the wire name.</summary>
    public static string CodeName(JObject parameter) => (string?)parameter["x-originalName"] ?? (string)parameter["name"]!;

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);
}
