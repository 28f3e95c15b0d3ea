using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CooperationLedger.Cli.Output;

/// <summary>Machine output: camelCase JSON, ISO 8601 dates and instants, amounts as numbers, enums as snake_case words.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = Create();

    public static void Write(CliContext context, object value)
    {
        context.Output.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Options));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
