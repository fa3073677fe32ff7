using System;
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
        var documentation = System.Xml.Linq.XDocument.Load(System.IO.Path.ChangeExtension(typeof(BatchClient).Assembly.Location, ".xml"));
        var summaries = documentation.Descendants("member")
            .Where(member => member.Element("summary") is { } summary && summary.Value.Trim().Length > 0)
            .Select(member => (string)member.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
        var areas = typeof(IBatchClient).GetProperties().Concat(typeof(IBatchAppClient).GetProperties())
            .Select(property => property.PropertyType).Where(type => type.IsInterface).Distinct().ToArray();

        areas.Length.ShouldBeGreaterThan(10);
        areas.Where(area => !summaries.Contains("T:" + area.FullName)).ShouldBeEmpty();
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

    private static Type[] ClientInterfaces() =>
        PublicTypes.Where(type => type.IsInterface && type.Name.EndsWith("Client", StringComparison.Ordinal)
                                  && type != typeof(IBatchClient) && type != typeof(IBatchAppClient)).ToArray();
}
