using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// Writes a <see cref="ReportedDate"/> in one of two forms, and reads both. The store's form is compact: the text form
/// (<c>"2006-11-22"</c>, <c>"2006-01/2006-09"</c>, <c>"2006~"</c>) whenever it reads back to the very same date, and
/// an object of its parts otherwise (a date inferred or resolved from a phrase, which the text form has no room for; a
/// period whose bounds are days but whose precision is <see cref="DatePrecision.Bounded"/>; a year before 1). The
/// answers' form (<see cref="LedgerJson"/>) is always the object, with the text form in <c>text</c> beside the parts,
/// so that every date of an answer has one JSON shape whatever was known of it.
/// </summary>
/// <remarks>
/// Fingerprints keep their own object form, so that a fact recorded before still has the fingerprint it had. The
/// events and entries that earlier versions stored, all as objects, read as before.
/// </remarks>
/// <param name="alwaysParts">Whether every date is written as the object of its parts (the answers' form).</param>
internal sealed class ReportedDateJsonConverter(bool alwaysParts = false) : JsonConverter<ReportedDate>
{
    /// <summary>Gets a value indicating whether every date is written as the object of its parts.</summary>
    public bool AlwaysParts => alwaysParts;

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
        if (!alwaysParts && SaysAll(value))
        {
            writer.WriteStringValue(value.ToString());
            return;
        }

        JsonSerializer.Serialize(
            writer,
            new Parts(alwaysParts ? value.ToString() : null, value.Earliest, value.Latest, value.Precision, value.IsPeriod, value.IsApproximate, value.IsInferred, value.Inference, value.Phrase, value.Anchor),
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

    /// <summary>
    /// The object form: every part by name, as every date was stored before the text form, and in an answer the text
    /// form too (<see langword="null"/> in the store, which leaves nulls out; ignored when read).
    /// </summary>
    private sealed record Parts(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
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
