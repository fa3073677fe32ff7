using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace Batch.Sdk.Tests.Conventions;

/// <summary>Rules of the public API, checked over every public type so that generated code keeps to them too.</summary>
public sealed class PublicApiConventionTests
{
    private static readonly Type[] PublicTypes = typeof(BatchClient).Assembly.GetExportedTypes();

    [Fact]
    public void No_public_type_member_parameter_or_enum_value_has_an_underscore()
    {
        var offenders = PublicTypes
            .SelectMany(type => new[] { type.Name }
                .Concat(type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(member => member is not (MethodBase { IsSpecialName: true } or FieldInfo { IsSpecialName: true }))
                    .Select(member => $"{type.Name}.{member.Name}"))
                .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(method => !method.IsSpecialName)
                    .SelectMany(method => method.GetParameters().Select(parameter => $"{type.Name}.{method.Name}({parameter.Name})"))))
            .Where(name => name.Contains('_'))
            .ToArray();

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Generated_clients_are_internal_and_reached_through_their_public_interfaces()
    {
        var generatedClients = typeof(BatchClient).Assembly.GetTypes()
            .Where(type => type.IsClass && type != typeof(BatchClient) && type.GetInterfaces().Any(i => i.IsPublic && i.Name == "I" + type.Name))
            .ToArray();

        generatedClients.Length.ShouldBeGreaterThan(10);
        generatedClients.Where(type => type.IsPublic).ShouldBeEmpty();
        PublicTypes.Where(type => type.IsClass && type.Name.EndsWith("Client", StringComparison.Ordinal)).ShouldBe([typeof(BatchClient)]);
    }

    [Fact]
    public void No_request_parameter_is_called_body_the_spec_names_each_one_with_x_name()
    {
        var offenders = PublicTypes.Where(type => type.IsInterface)
            .SelectMany(type => type.GetMethods().SelectMany(method => method.GetParameters().Select(parameter => (type, method, parameter))))
            .Where(entry => entry.parameter.Name == "body")
            .Select(entry => $"{entry.type.Name}.{entry.method.Name}")
            .ToArray();

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Every_area_interface_has_a_summary_from_the_spec()
    {
        AreaInterfaces.Length.ShouldBeGreaterThan(10);
        AreaInterfaces.Where(area => !Summaries.Value.Contains(DocumentationId(area))).ShouldBeEmpty();
    }

    [Fact]
    public void Every_generated_enum_has_Unknown_as_its_zero_value()
    {
        var enums = PublicTypes.Where(type => type.IsEnum && type.Namespace == "Batch.Sdk").ToArray();

        enums.ShouldNotBeEmpty();
        enums.Where(type => Enum.GetName(type, 0) != "Unknown").ShouldBeEmpty();
    }

    [Fact]
    public void Every_async_method_of_a_client_interface_takes_a_cancellation_token()
    {
        var methods = ClientInterfaces().SelectMany(type => type.GetMethods()).ToArray();

        methods.ShouldNotBeEmpty();
        methods.Where(method => typeof(Task).IsAssignableFrom(method.ReturnType)
                                && method.GetParameters().LastOrDefault()?.ParameterType != typeof(CancellationToken))
            .Select(method => method.Name).ShouldBeEmpty();
    }

    [Fact]
    public void Every_generated_client_is_reachable_from_IBatchClient()
    {
        var exposed = typeof(IBatchClient).GetProperties().Concat(typeof(IBatchAppClient).GetProperties())
            .Select(property => property.PropertyType);

        ClientInterfaces().Except(exposed).ShouldBeEmpty();
    }

    // --- One theory row per public type (Octokit style): a failure names the type. ---

    public static TheoryData<string> PublicTypeNames() => new(PublicTypes.Select(type => type.FullName!));


    public static TheoryData<string> ModelTypeNames() => new(ModelTypes().Select(type => type.FullName!));

    public static TheoryData<string> RequestBodyTypeNames() => new(RequestBodies().Select(body => body.Type.FullName!).Distinct());

    [Theory]
    [MemberData(nameof(PublicTypeNames))]
    public void Every_public_type_has_an_XML_summary(string typeName)
    {
        Summaries.Value.Contains(DocumentationId(PublicType(typeName)))
            .ShouldBeTrue($"{typeName} has no <summary> (a spec description or a hand-written doc comment gives it one)");
    }

    [Theory]
    [MemberData(nameof(PublicTypeNames))]
    public void No_public_type_is_named_with_Batch_internal_family_jargon(string typeName)
    {
        // The README and the spec call the families "App APIs" (1.1) and "Project APIs" (2.8); Batch's own MEP/CEP
        // jargon only survives in its documentation URLs.
        var name = PublicType(typeName).Name;

        name.ShouldNotStartWith("Mep", caseSensitivity: Case.Sensitive);
        name.ShouldNotStartWith("Cep", caseSensitivity: Case.Sensitive);
    }

    [Theory]
    [MemberData(nameof(RequestBodyTypeNames))]
    public void Every_request_body_is_named_Resource_Action_Request(string typeName)
    {
        // The rule of the spec's "Schema names" convention: the whole body of an operation is
        // <Resource><Action>Request, the resource starting with the singular of the area, the action the operation's verb
        // (PushCampaignCreateRequest, CatalogItemsEditRequest for Catalogs.EditItemsAsync).
        var operations = RequestBodies().Where(body => body.Type.FullName == typeName).ToArray();

        operations.ShouldNotBeEmpty();
        foreach (var (area, method, type) in operations)
        {
            var resource = Singular(area.Name.Substring(1, area.Name.Length - "I".Length - "Client".Length));
            var verb = new string(method.Name.TakeWhile((c, i) => i == 0 || char.IsLower(c)).ToArray());
            var operation = $"{area.Name}.{method.Name}";

            type.Name.ShouldStartWith(resource, customMessage: $"the body of {operation} starts with its resource", caseSensitivity: Case.Sensitive);
            type.Name.ShouldEndWith(verb + "Request", customMessage: $"the body of {operation} ends with its action and Request", caseSensitivity: Case.Sensitive);
        }
    }

    [Theory]
    [MemberData(nameof(ModelTypeNames))]
    public void Every_model_has_a_public_parameterless_constructor(string typeName)
    {
        var type = PublicType(typeName);

        type.IsAbstract.ShouldBeFalse();
        type.GetConstructor(Type.EmptyTypes).ShouldNotBeNull($"{typeName} has no public parameterless constructor");
        Activator.CreateInstance(type).ShouldBeOfType(type);
    }

    [Fact]
    public void The_per_type_theories_cover_the_public_API()
    {
        // Guards the row sources: an empty source would let a theory pass without checking anything.
        PublicTypes.Length.ShouldBeGreaterThan(100);
        ModelTypes().Length.ShouldBeGreaterThan(50);
        RequestBodies().Select(body => body.Type).Distinct().Count().ShouldBeGreaterThan(15);
        RequestBodies().Select(body => body.Type).ShouldContain(typeof(PushCampaignCreateRequest));
    }

    private static readonly Lazy<HashSet<string>> Summaries = new(() =>
        System.Xml.Linq.XDocument.Load(System.IO.Path.ChangeExtension(typeof(BatchClient).Assembly.Location, ".xml"))
            .Descendants("member")
            .Where(member => member.Element("summary") is { } summary && summary.Value.Trim().Length > 0)
            .Select(member => (string)member.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal));

    // --- Every public type that is not a model has its reason in build/public-api/README.md. ---

    public static TheoryData<string> NonModelTypeNames() => new(NonModelTypes().Select(DisplayName));

    [Theory]
    [MemberData(nameof(NonModelTypeNames))]
    public void Each_public_type_that_is_not_a_model_says_why_it_is_public(string typeName)
    {
        PublicApiReasons.Value.ShouldContainKey(typeName, $"{typeName} is public but build/public-api/README.md does not say why: make it internal, or add its row");
        PublicApiReasons.Value[typeName].Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Every_type_the_public_API_document_lists_is_still_public()
    {
        PublicApiReasons.Value.Keys.Except(NonModelTypes().Select(DisplayName)).ShouldBeEmpty("build/public-api/README.md lists types that are no longer public (or are models)");
    }

    private static readonly Lazy<Dictionary<string, string>> PublicApiReasons = new(() =>
        System.IO.File.ReadAllLines(System.IO.Path.Combine(Generation.TemplateFork.RepositoryRoot, "build", "public-api", "README.md"))
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^\| `(?<type>[^`]+)` \| (?<reason>.+) \|$"))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups["type"].Value, match => match.Groups["reason"].Value, StringComparer.Ordinal));

    /// <summary>Public types NJsonSchema did not write from a schema: hand-written types and NSwag's interfaces and response classes.</summary>
    private static Type[] NonModelTypes() => PublicTypes
        .Where(type => type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool != "NJsonSchema")
        .ToArray();

    /// <summary><c>Batch.Sdk.BatchRedirect&lt;TResult&gt;</c> for <c>Batch.Sdk.BatchRedirect`1</c>.</summary>
    private static string DisplayName(Type type) =>
        type.IsGenericTypeDefinition
            ? type.FullName![..type.FullName!.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(argument => argument.Name)) + ">"
            : type.FullName!;

    /// <summary>The models generated from the spec's schemas (NJsonSchema marks each class it writes).</summary>
    private static Type[] ModelTypes() => PublicTypes
        .Where(type => type.IsClass && type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema")
        .ToArray();

    private static string DocumentationId(Type type) => "T:" + type.FullName!.Replace('+', '.');

    private static Type PublicType(string fullName) => PublicTypes.Single(type => type.FullName == fullName);

    private static readonly Type[] AreaInterfaces = typeof(IBatchClient).GetProperties().Concat(typeof(IBatchAppClient).GetProperties())
        .Select(property => property.PropertyType).Where(type => type.IsInterface).Distinct().ToArray();

    // The types that are an operation's whole request body, read from the area interfaces' parameters: a body parameter
    // is a model of the SDK (an array body, such as the profiles update, is a collection with no type of its own).
    private static (Type Area, MethodInfo Method, Type Type)[] RequestBodies() => AreaInterfaces
        .SelectMany(area => area.GetMethods().SelectMany(method => method.GetParameters()
            .Where(parameter => parameter.ParameterType.IsClass && parameter.ParameterType.Assembly == typeof(BatchClient).Assembly)
            .Select(parameter => (area, method, parameter.ParameterType))))
        .ToArray();

    private static string Singular(string plural) => plural.EndsWith("s", StringComparison.Ordinal) ? plural[..^1] : plural;

    private static Type[] ClientInterfaces() =>
        PublicTypes.Where(type => type.IsInterface && type.Name.EndsWith("Client", StringComparison.Ordinal)
                                  && type != typeof(IBatchClient) && type != typeof(IBatchAppClient)).ToArray();
}
