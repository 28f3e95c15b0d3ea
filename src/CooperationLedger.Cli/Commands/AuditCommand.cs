using System.CommandLine;
using CooperationLedger.Answers;
using CooperationLedger.Cli.Output;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger audit ID</c>: the full trail of one fact or revision.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "A fact id (as every --json row gives it) or a fact key, document-key/fact-key." };
        var json = new Option<bool>("--json") { Description = "Write the trail as JSON." };
        var command = new Command(
            "audit",
            "The full trail of a fact: the event as recorded (stream, version, sequence, time, source file), its citation and quote, every " +
            "correction and retraction with theirs, and what other sources say about the same matter.\n\n" +
            "Examples:\n  ledger audit edm-2006-v3-i223/dca-narcotics-seized-2006\n  ledger audit 3f1c...-.... --json")
        {
            id,
            json,
        };
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var text = parse.GetRequiredValue(id);
            var trail = Guid.TryParse(text, out var factId) ? await ledger.AuditAsync(factId, token) : await ledger.AuditAsync(text, token);
            if (trail is null)
            {
                throw new CliInputException($"The ledger holds no fact '{text}' (give a fact id, or a key such as edm-2006-v3-i223/dca-narcotics-seized-2006).");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context, trail);
            }
            else
            {
                Write(context, trail);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static void Write(CliContext context, AuditTrail trail)
    {
        var fact = trail.Fact;
        var citation = fact.Citation;
        var document = citation.Document;
        List<IReadOnlyList<string>> rows =
        [
            ["Fact", $"{fact.Key} ({trail.Recorded.EventType})"],
            ["Id", fact.FactId.ToString()],
        ];
        if (fact is IReportedFact reported)
        {
            rows.Add(["What", trail.Summary]);
            rows.Add(["Effective", reported.Effective + (reported.Effective.Phrase is { } phrase ? $" (\"{phrase}\")" : string.Empty) + (reported.Effective.IsInferred ? $" (inferred: {reported.Effective.Inference})" : string.Empty)]);
            rows.Add(["Stage", reported.Stage.ToString().ToLowerInvariant()]);
        }

        if (fact is IRevision revision)
        {
            rows.Add(["Revises", revision.Revises.ToString()]);
            rows.Add(["Reason", revision.Reason]);
        }

        rows.Add(["Figure", trail.Figure ?? "-"]);
        rows.Add(["Document", document.ToString() + (document.Title is null ? string.Empty : $": {document.Title}") + (document.Author is null ? string.Empty : $", by {document.Author}")]);
        rows.Add(["Published", document.PublishedOn + (document.PublishedOn.IsInferred ? $" (inferred: {document.PublishedOn.Inference})" : string.Empty)]);
        rows.Add(["Attributed to", citation.AttributedTo?.ToString() ?? "(the document itself)"]);
        rows.Add(["Stance", citation.Stance.ToString().ToLowerInvariant() + (citation.IsClaim ? " (a claim by an interested party)" : string.Empty)]);
        rows.Add(["Relayed from", citation.RelayedFrom?.ToString() ?? "-"]);
        rows.AddRange(citation.Passages.Select(passage => (IReadOnlyList<string>)
        [
            "Quote",
            $"\"{passage.Quote}\"" + (passage.Location is { } at ? $" (paragraph {at.Paragraph}, characters {at.Offset}-{at.Offset + at.Length})" : string.Empty),
        ]));
        rows.Add(["Recorded", $"{trail.Recorded.RecordedAt} in stream {trail.Recorded.StreamId}, version {trail.Recorded.Version}, sequence {trail.Recorded.Sequence}, from {trail.Recorded.SourceFile ?? "-"}"]);
        rows.AddRange(trail.Revisions.Select(revision => (IReadOnlyList<string>)
        [
            revision.IsRetraction ? "Retracted by" : "Corrected by",
            $"{revision.Key}: {revision.Reason} ({revision.Citation.Document.Publication}, {revision.Citation.Document.PublishedOn}; recorded {revision.RecordedAt}): \"{revision.Citation.Quote}\"",
        ]));
        rows.AddRange(trail.SameMatter.Select(related => (IReadOnlyList<string>)
        [
            related.Relation switch
            {
                Relation.Corroborates => "Corroborated by",
                Relation.Disputes => "Disputed by",
                _ => "Same matter",
            },
            $"{related.Key}: {related.Figure ?? "-"} ({related.Citation.Document.Publication}, {related.Citation.Document.PublishedOn})",
        ]));
        rows.AddRange(trail.Links.Select(link => (IReadOnlyList<string>)
        [
            LinkLabel(link),
            $"{link.Key}: " + (link.Summary is null ? "(not in the ledger: its document is not ingested)" : $"{link.Summary} ({link.Citation!.Document.Publication}, {link.Citation.Document.PublishedOn})"),
        ]));
        TableOutput.Write(context, "Audit trail", ["", ""], rows);
    }

    private static string LinkLabel(LinkedFact link) => (link.Kind, link.Incoming) switch
    {
        (LinkKind.Under, false) => "Made under",
        (LinkKind.Under, true) => "Made under it",
        (LinkKind.Realises, false) => "Realises",
        (LinkKind.Realises, true) => "Realised by",
        (LinkKind.PartOf, false) => "Part of",
        (LinkKind.PartOf, true) => "Has part (not counted itself)",
        (LinkKind.SameAs, false) => "Same fact as",
        (LinkKind.SameAs, true) => "Also reported by",
        (LinkKind.ConflictsWith, false) => "Conflicts with",
        (LinkKind.Ends, false) => "Ends",
        (LinkKind.Ends, true) => "Ended by",
        _ => "Conflicted by",
    };
}
