using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// Stores a <see cref="ReportedDate"/> as its text form (<c>"2006-11-22"</c>, <c>"2006-01/2006-09"</c>,
/// <c>"2006~"</c>) whenever that form reads back to the very same date, and as an object of its parts otherwise: a date
/// inferred or resolved from a phrase (the text form has no room for why), a period whose bounds are days but whose
/// precision is <see cref="DatePrecision.Bounded"/> (its text reads back as a period of days), or a date in a year
/// before 1 (the text form has four-digit years from 1). Reads both forms, so the dates of events and entries that
/// earlier versions stored, all as objects, read as before.
/// </summary>
/// <remarks>
/// The store's JSON only (events and entries). Fingerprints keep the object form, so that a fact recorded before still
/// has the fingerprint it had; answers printed as JSON keep it too.
/// </remarks>
internal sealed class ReportedDateJsonConverter : JsonConverter<ReportedDate>
{
    public override ReportedDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            return ReportedDate.TryParse(text, out var date, out var error)
                ? date
                : throw new JsonException($"The stored date '{text}' cannot be read: {error}");
        }

        var parts = JsonSerializer.Deserialize<Parts>(ref reader, options) ?? throw new JsonException("A stored date is null.");
        return new ReportedDate(parts.Earliest, parts.Latest, parts.Precision, parts.IsPeriod, parts.IsApproximate, parts.IsInferred, parts.Inference, parts.Phrase, parts.Anchor);
    }

    public override void Write(Utf8JsonWriter writer, ReportedDate value, JsonSerializerOptions options)
    {
        if (SaysAll(value))
        {
            writer.WriteStringValue(value.ToString());
            return;
        }

        JsonSerializer.Serialize(
            writer,
            new Parts(value.Earliest, value.Latest, value.Precision, value.IsPeriod, value.IsApproximate, value.IsInferred, value.Inference, value.Phrase, value.Anchor),
            options);
    }

    /// <summary>
    /// Tells whether the text form says all of a date: it leaves out what a date was inferred from and the phrase it was
    /// resolved from, has no year before 1, and reads a period between two days back with the precision of a day.
    /// </summary>
    private static bool SaysAll(ReportedDate date) =>
        date is { IsInferred: false, Inference: null, Phrase: null }
        && date.Earliest is not { Year: < 1 }
        && date.Latest is not { Year: < 1 }
        && date is not { IsPeriod: true, Precision: DatePrecision.Bounded, Earliest: not null, Latest: not null };

    /// <summary>The object form: every part by name, as every date was stored before the text form.</summary>
    private sealed record Parts(
        LocalDate? Earliest,
        LocalDate? Latest,
        DatePrecision Precision,
        bool IsPeriod,
        bool IsApproximate,
        bool IsInferred,
        string? Inference,
        string? Phrase,
        LocalDate? Anchor);
}
