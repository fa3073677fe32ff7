using System;
using System.IO;
using Batch.Sdk.Benchmarks.Clients;
using Batch.Sdk.Benchmarks.Fixtures;
using Batch.Sdk.Serialization;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Batch.Sdk.Benchmarks.InProcess;

/// <summary>
/// Attribution, not a target scenario: the in-app view's body deserialized alone (no HTTP), into the floor's plain
/// model and into the SDK's model, with and without Newtonsoft's checks of the properties the spec marks required.
/// </summary>
public class InAppBodyBenchmark
{
    private static readonly JsonSerializer SdkSerializer = JsonSerializer.Create(BatchJson.Configure(new JsonSerializerSettings()));

    private static readonly JsonSerializer SdkSerializerWithoutRequiredChecks = JsonSerializer.Create(WithoutRequiredChecks());

    [Benchmark(Baseline = true)]
    public PlainInAppCampaign PlainModel() => Read<PlainInAppCampaign>(FloorClient.Serializer, CannedResponses.InAppCampaign);

    [Benchmark]
    public InAppCampaignDetails SdkModel() => Read<InAppCampaignDetails>(SdkSerializer, CannedResponses.InAppCampaign);

    [Benchmark]
    public InAppCampaignDetails SdkModelWithoutRequiredChecks() => Read<InAppCampaignDetails>(SdkSerializerWithoutRequiredChecks, CannedResponses.InAppCampaign);

    [GlobalSetup]
    public void Verify()
    {
        var label = SdkModel().Landing?.Contents?[0].Actions?[0].Label;
        if (label != "Ok" || PlainModel().Landing?.Contents?[0].Actions?[0].Label != label ||
            SdkModelWithoutRequiredChecks().Landing?.Contents?[0].Actions?[0].Label != label)
            throw new InvalidOperationException("InAppBodyBenchmark: the three readers disagree");

        // The variant must really skip the checks, or the comparison says nothing.
        var withoutToken = System.Text.Encoding.UTF8.GetBytes("""{"from_api":true,"dev_only":false,"created_date":"2018-08-13T10:11:38","name":"n","live":true}""");
        if (Read<InAppCampaignDetails>(SdkSerializerWithoutRequiredChecks, withoutToken).CampaignToken is not null)
            throw new InvalidOperationException("InAppBodyBenchmark: the variant invented a token");
        try
        {
            Read<InAppCampaignDetails>(SdkSerializer, withoutToken);
        }
        catch (JsonSerializationException)
        {
            return;
        }

        throw new InvalidOperationException("InAppBodyBenchmark: the SDK's settings accepted a campaign without its required token");
    }

    private static T Read<T>(JsonSerializer serializer, byte[] body)
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body)));
        return serializer.Deserialize<T>(reader)!;
    }

    private static JsonSerializerSettings WithoutRequiredChecks()
    {
        var settings = BatchJson.Configure(new JsonSerializerSettings());
        settings.ContractResolver = new RequiredChecksOff();
        return settings;
    }

    /// <summary>Newtonsoft's resolver with every property optional; the in-app view has no union to handle specially.</summary>
    private sealed class RequiredChecksOff : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            property.Required = Required.Default;
            return property;
        }
    }
}
