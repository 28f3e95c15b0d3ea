using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CooperationLedger.Facts;

/// <summary>What System.Text.Json needs to write and read the ledger's values: NodaTime's types and reported dates.</summary>
internal static class FactJson
{
    /// <summary>Adds NodaTime's converters, with the TZDB time zones.</summary>
    public static void ConfigureNodaTime(JsonSerializerOptions json) => json.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    /// <summary>
    /// Adds what the ledger's types need to a store's JSON, leaving the rest of it (casing, enums, nulls) as it is:
    /// NodaTime's converters, unless the serializer already has them, and reported dates in their text form where it
    /// says all.
    /// </summary>
    public static void ConfigureLedgerTypes(JsonSerializerOptions json)
    {
        if (!json.Converters.Any(converter => converter.CanConvert(typeof(LocalDate))))
        {
            ConfigureNodaTime(json);
        }

        if (!json.Converters.Any(converter => converter is ReportedDateJsonConverter))
        {
            json.Converters.Add(new ReportedDateJsonConverter());
        }
    }
}
