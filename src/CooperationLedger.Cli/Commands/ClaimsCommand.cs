using System.CommandLine;
using CooperationLedger.Answers;
using CooperationLedger.Cli.Output;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger claims</c>: claimed statistics as of a point, exactly as claimed, with their sources.</summary>
internal static class ClaimsCommand
{
    public static Command Create(CliContext context)
    {
        var asOf = new AsOfOptions();
        var metric = NameOption.NonBlank(new Option<string?>("--metric") { Description = "Only this metric (\"narcotics seized\")." }, "a metric");
        var claimant = new Option<string?>("--claimant") { Description = $"Only claims by this actor: {ActorNames.Accepted}; unattributed for the outlet's own statements." };
        var subject = new Option<string?>("--subject") { Description = "Only statistics about this actor, named the same way." };
        var matter = NameOption.NonBlank(new Option<string?>("--matter") { Description = "Only claims about this matter, the key that groups what sources claim about one figure." }, "a matter's key");
        var format = new ListingFormat(
            "Write JSON: each claim with its fact id, whose citations follow once each in \"sources\" (its own, then the corrections applied), and the disputes. Written as it is read.",
            "Write JSON Lines: the same items as --json, one per line (\"asOf\", then \"claim\", \"dispute\" and \"sources\" lines), written as they are read.");
        var command = new Command(
            "claims",
            "Claimed statistics by metric, claimant, period and baseline, exactly as claimed; corrections applied from their own dates; " +
            "claims that disagree shown side by side.\n\nExamples:\n  ledger claims --known-on 2006-12-31\n  ledger claims --metric \"narcotics seized\" --json")
        {
            metric,
            claimant,
            subject,
            matter,
        };
        asOf.AddTo(command);
        format.AddTo(command);
        var paging = new Paging();
        paging.AddTo(command);
        var scope = new ScopeOptions();
        scope.AddTo(command);
        command.SetAction((parse, cancellationToken) => LedgerSession.RunAsync(parse, context, async (ledger, token) =>
        {
            var point = asOf.Read(parse);
            var filter = new ClaimFilter(parse.GetValue(metric)?.Trim(), parse.GetValue(claimant)?.Trim(), parse.GetValue(subject), parse.GetValue(matter)?.Trim());

            // The filter's "unattributed" asks for the outlets' own statements: a word of the filter, never an actor's name.
            await ActorNames.CheckAsync(ledger, token, ("--claimant", filter.Unattributed ? null : filter.Claimant), ("--subject", filter.Subject));
            await FilterNames.CheckAsync(ledger, token, ("--metric", NameKind.Metric, filter.Metric), ("--matter", NameKind.Matter, filter.Matter));
            filter = filter with { Scope = await scope.ReadCheckedAsync(parse, ledger, token) };
            if (format.Asked(parse))
            {
                // The whole ledger is listed as it is read; a filtered answer is small, and held.
                var listing = filter == ClaimFilter.None
                    ? await ledger.ListClaimedStatisticsAsync(point, token)
                    : ClaimedStatisticsListing.From(await ledger.GetClaimedStatisticsAsync(point, filter, token));
                await format.WriteAsync(parse, context, listing.AsOf, ListingOutput.Parts(listing, paging.Read(parse), token), token);
                return ExitCodes.Success;
            }

            var claims = await ledger.GetClaimedStatisticsAsync(point, filter, token);
            Write(context, claims, paging.Read(parse));
            TextOutput.Line(context, Describe.Rule(claims.AsOf));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static void Write(CliContext context, ClaimedStatistics claims, Page page)
    {
        TableOutput.Write(
            context,
            "Claimed statistics",
            ["Metric", "Claim", "Period", "Baseline", "Claimant", "About", "Standing", "Sources"],
            page.Of(claims.Claims).Select(claim => (IReadOnlyList<string>)
            [
                claim.Metric,
                (claim.OriginalMeasure is null ? $"{claim.Measure} ({claim.Measure.Verbatim})" : $"{claim.Measure} (first claimed {claim.OriginalMeasure})") + Describe.Normalised(claim.Measure),
                claim.Period?.ToString() ?? "no period stated",
                claim.Baseline?.ToString() ?? "-",
                claim.Claimant?.ToString() ?? "unattributed (the outlet's own statement)",
                claim.Subject.Name,
                claim.Standing.ToString().ToLowerInvariant() + (claim.CorroboratedBy is { } by ? $"; corroborated by {string.Join(", ", by)}" : string.Empty),
                Describe.Sources(claim.Sources),
            ]));
        if (page.Line(claims.Claims) is { } shown)
        {
            TextOutput.Line(context, shown);
        }

        DisputesOutput.Write(context, claims.Disputes);
    }
}
