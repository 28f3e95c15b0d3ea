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
    /// Adds what the ledger's types need to JSON options (a store's, or an answer's contract), leaving the rest of them
    /// (casing, enums, nulls) as they are: NodaTime's converters, unless the options have them already, and reported
    /// dates ahead of any other converter, since System.Text.Json takes the first that can convert a type: in the store's
    /// compact form, or in the answers' form of every part (<see cref="ReportedDateJsonConverter"/>).
    /// </summary>
    /// <param name="json">The options.</param>
    /// <param name="dateParts">Whether every reported date is written as the object of its parts.</param>
    public static void ConfigureLedgerTypes(JsonSerializerOptions json, bool dateParts = false)
    {
        if (!json.Converters.Any(converter => converter.CanConvert(typeof(LocalDate))))
        {
            ConfigureNodaTime(json);
        }

        if (!json.Converters.Any(converter => converter is ReportedDateJsonConverter))
        {
            json.Converters.Insert(0, new ReportedDateJsonConverter(dateParts));
        }
    }
}
