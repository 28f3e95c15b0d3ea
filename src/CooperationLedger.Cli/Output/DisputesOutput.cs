using CooperationLedger.Answers;

namespace CooperationLedger.Cli.Output;

/// <summary>Lists disputes under a table: each matter with every source's figure and citation.</summary>
internal static class DisputesOutput
{
    public static void Write(CliContext context, IReadOnlyList<Dispute> disputes)
    {
        if (disputes.Count == 0)
        {
            return;
        }

        TableOutput.Write(
            context,
            "Disputed (sources disagree; none chosen)",
            ["Matter", "Figure", "Fact", "Source"],
            disputes.SelectMany(dispute => dispute.Versions.Select(version => (IReadOnlyList<string>)
            [
                dispute.Matter,
                version.Figure,
                version.Key,
                $"{version.Citation.Document.Publication}, {version.Citation.Document.PublishedOn}" + (version.Citation.AttributedTo is { } who ? $"; {who.Name}" : string.Empty),
            ])));
    }
}
