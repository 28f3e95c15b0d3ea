using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CooperationLedger.Facts;

namespace CooperationLedger.Reading;

/// <summary>The canonical JSON of an event and its SHA-256: equal for equal content, whatever object holds it.</summary>
internal static class FactFingerprint
{
    public static readonly JsonSerializerOptions Json = CreateOptions();

    public static JsonObject ToJson(ILedgerEvent e) => (JsonObject)JsonSerializer.SerializeToNode(e, e.GetType(), Json)!;

    public static string Of(ILedgerEvent e) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), Json)));

    /// <summary>Lists the top-level fields in which two versions of a fact differ, with both values, for a conflict message.</summary>
    public static IReadOnlyList<string> Differences(ILedgerEvent stored, ILedgerEvent incoming)
    {
        var before = ToJson(stored);
        var after = ToJson(incoming);
        return before.Select(pair => pair.Key).Union(after.Select(pair => pair.Key))
            .Where(name => !JsonNode.DeepEquals(before[name], after[name]))
            .Select(name => $"{name}: stored {Shorten(before[name])}, file {Shorten(after[name])}")
            .ToArray();
    }

    private static string Shorten(JsonNode? node)
    {
        var text = node?.ToJsonString(Json) ?? "null";
        return text.Length <= 160 ? text : text[..157] + "...";
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = false };
        FactJson.ConfigureNodaTime(options);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return options;
    }
}
