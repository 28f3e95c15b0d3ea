using System.CommandLine;
using CooperationLedger.Answers;
using CooperationLedger.Cli.Output;
using Spectre.Console;

namespace CooperationLedger.Cli.Commands;

/// <summary><c>ledger donors</c>: donor totals as of a point, with their sources.</summary>
internal static class DonorsCommand
{
    public static Command Create(CliContext context)
    {
        var asOf = new AsOfOptions();
        var donor = new Option<string?>("--donor") { Description = $"Only this donor: {ActorNames.Accepted}." };
        var recipient = new Option<string?>("--recipient") { Description = "Only this recipient, named the same way." };
        var currency = new Option<string?>("--currency") { Description = "Only amounts in this ISO 4217 currency.", CustomParser = CurrencyCode.Parse };
        var format = new ListingFormat(
            "Write JSON: amounts as numbers with currency codes, each total with the ids of its facts (\"facts\"), whose citations follow once each in \"sources\"; donations with no amount stated in \"noAmountStated\". Written as it is read.",
            "Write JSON Lines: the same items as --json, one per line (\"asOf\", then \"total\", \"noAmountStated\", \"dispute\" and \"sources\" lines), written as they are read.");
        var command = new Command(
            "donors",
            "Donor totals by donor, recipient and currency: pledged, committed and realised apart, exact and approximate apart, stated equivalents " +
            "beside; donations whose sources state no amount, and disputed amounts, left out and listed apart.\n\nExamples:\n  ledger donors --known-on 2011-12-31\n  ledger donors --donor CN --currency KGS --json\n  ledger donors --jsonl > donors.jsonl")
        {
            donor,
            recipient,
            currency,
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
            await ActorNames.CheckAsync(ledger, token, ("--donor", parse.GetValue(donor)), ("--recipient", parse.GetValue(recipient)));
            var filter = new DonationFilter(parse.GetValue(donor), parse.GetValue(recipient), parse.GetValue(currency)) { Scope = await scope.ReadCheckedAsync(parse, ledger, token) };
            if (format.Asked(parse))
            {
                // The whole ledger is listed as it is added up; a filtered answer is small, and held.
                var listing = filter == DonationFilter.None
                    ? await ledger.ListDonorTotalsAsync(point, token)
                    : DonorTotalsListing.From(await ledger.GetDonorTotalsAsync(point, filter, token));
                await format.WriteAsync(parse, context, listing.AsOf, ListingOutput.Parts(listing, paging.Read(parse), token), token);
                return ExitCodes.Success;
            }

            var totals = await ledger.GetDonorTotalsAsync(point, filter, token);
            Write(context, totals, paging.Read(parse));
            TextOutput.Line(context, Describe.Rule(totals.AsOf));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static void Write(CliContext context, DonorTotals totals, Page page)
    {
        // An outlet's expectation is no party's promise: its column is shown only when some line has one.
        var expected = totals.Totals.Any(total => !total.Expected.IsZero);
        TableOutput.Write(
            context,
            "Donor totals",
            ["Donor", "Recipient", "Currency", "Pledged", "Committed", "Realised", .. expected ? ["Expected (no promise)"] : Array.Empty<string>(), "Stated equivalents", "Sources"],
            page.Of(totals.Totals).Select(total => (IReadOnlyList<string>)
            [
                total.Donor.Name,
                total.Recipient.Name,
                total.Currency.Code,
                Describe.Amount(total.Pledged),
                Describe.Amount(total.Committed),
                Describe.Amount(total.Realised),
                .. expected ? [Describe.Amount(total.Expected)] : Array.Empty<string>(),
                string.Join(Environment.NewLine, total.StatedEquivalents.Select(equivalent => $"{equivalent.Amount.Verbatim ?? equivalent.Amount.ToString()} = {equivalent.Equivalent.Verbatim ?? equivalent.Equivalent.ToString()}")),
                string.Join(Environment.NewLine, total.Sources.Select(source => Describe.Source(source) + (total.Due?.FirstOrDefault(due => due.FactId == source.FactId && source.Role == SourceRole.Fact) is { } due ? $" (due {due.Due})" : string.Empty))),
            ]));
        if (page.Line(totals.Totals) is { } shown)
        {
            TextOutput.Line(context, shown);
        }

        if (totals.NoAmountStated.Count > 0)
        {
            TableOutput.Write(
                context,
                "Donations and grants with no amount stated (not summed)",
                ["Donor", "Recipient", "What", "Date", "Amount", "Sources"],
                totals.NoAmountStated.Select(donation => (IReadOnlyList<string>)
                [
                    donation.Donor.Name,
                    donation.Recipient.Name,
                    donation.Description,
                    donation.Effective + (donation.Expected is { } due ? $" (due {due})" : string.Empty),
                    $"{donation.Stage.ToString().ToLowerInvariant()}, no amount stated",
                    Describe.Sources(donation.Sources),
                ]));
        }

        DisputesOutput.Write(context, totals.Disputes);
    }
}
