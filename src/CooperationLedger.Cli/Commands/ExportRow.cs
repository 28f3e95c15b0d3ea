using System.Globalization;
using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli.Commands;

/// <summary>
/// One fact, flattened with its citation, as a row for spreadsheets: with a donation's amount in columns of its own
/// (its hedge and upper bound beside it, so that a sum can respect them), when it is due, and its links (a
/// <c>part_of</c> umbrella or a <c>same_as</c> report, which the ledger's totals count once), and the document's URL.
/// <c>Low</c> and <c>High</c> say what the amount can be ("at least 110" has a low and no high; "about" has neither).
/// </summary>
[CsvHelper.CsvRecord]
internal sealed partial record ExportRow(
    Guid FactId,
    string Key,
    string Type,
    string RecordedAt,
    string? Effective,
    bool? EffectiveInferred,
    string? Stage,
    string? Matter,
    string Summary,
    string? Figure,
    Guid? Revises,
    string? Reason,
    string Document,
    string Publication,
    string? Volume,
    string? Issue,
    string? Title,
    string? Author,
    string? Url,
    string PublishedOn,
    bool PublishedInferred,
    string? RelayedFrom,
    string? RelayDate,
    string? AttributedTo,
    string? Role,
    string Stance,
    string Quote,
    int? Paragraph,
    int? Offset,
    string? Expected,
    string? Links,
    decimal? Amount,
    string? Currency,
    string? Approximation,
    decimal? UpperBound,
    decimal? Low,
    decimal? High)
{
    public static ExportRow From(RecordedFact recorded)
    {
        var fact = recorded.Fact;
        var citation = fact.Citation;
        var document = citation.Document;
        var reported = fact as IReportedFact;
        var revision = fact as IRevision;
        // A correction's row carries the amount it corrects a donation to, in the same columns, so that a sheet can
        // take a corrected donation's amount from its last correction.
        var value = reported is null ? (fact as FactCorrected)?.Changes.Value : FactCatalog.KindOf(reported).DonationOf(reported)?.Value;
        return new ExportRow(
            fact.FactId,
            fact.Key,
            recorded.Recorded.EventType,
            recorded.Recorded.RecordedAt.ToString("uuuu-MM-ddTHH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            reported?.Effective.ToString(),
            reported?.Effective.IsInferred,
            reported?.Stage.ToString().ToLowerInvariant(),
            reported?.Matter,
            recorded.Summary,
            recorded.Figure,
            revision?.Revises,
            revision?.Reason,
            document.Key,
            document.Publication,
            document.Volume,
            document.Issue,
            document.Title,
            document.Author,
            document.Url?.ToString(),
            document.PublishedOn.ToString(),
            document.PublishedOn.IsInferred,
            citation.RelayedFrom?.Outlet,
            citation.RelayedFrom?.Date?.ToString(),
            citation.AttributedTo?.Name,
            citation.AttributedTo?.Role,
            citation.Stance.ToString().ToLowerInvariant(),
            // A citation of several passages joins them with the mark of an omission; each is verbatim.
            string.Join(" [...] ", citation.Passages.Select(passage => passage.Quote)),
            citation.Location?.Paragraph,
            citation.Location?.Offset,
            reported?.Expected?.ToString(),
            reported?.Links is { Count: > 0 } links ? string.Join("; ", links.Select(link => $"{Reading.YamlFields.SnakeCase(link.Kind.ToString())}: {link.Target}")) : null,
            value?.Amount,
            value?.Currency.Code,
            value is null ? null : Reading.YamlFields.SnakeCase(value.Approximation.ToString()),
            value?.UpperBound,
            value?.Approximation switch
            {
                Facts.Approximation.Exact or Facts.Approximation.AtLeast or Facts.Approximation.Range => value.Amount,
                Facts.Approximation.AtMost => 0m,
                _ => null,
            },
            value?.Approximation switch
            {
                Facts.Approximation.Exact or Facts.Approximation.AtMost => value.Amount,
                Facts.Approximation.Range => value.UpperBound,
                _ => null,
            });
    }
}
