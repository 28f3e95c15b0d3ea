using System.CommandLine;
using System.CommandLine.Parsing;
using CooperationLedger.Facts;
using NodaTime;
using NodaTime.Text;

namespace CooperationLedger.Cli;

/// <summary>The as-of options the query commands share: one per time axis, and the rule for imprecise dates.</summary>
internal sealed class AsOfOptions
{
    public Option<LocalDate?> Effective { get; } = new("--as-of")
    {
        Description = "Effective axis: only what had happened by this day (YYYY-MM-DD). Default: now.",
        HelpName = "date",
        CustomParser = ParseDate,
    };

    public Option<LocalDate?> KnownOn { get; } = new("--known-on")
    {
        Description = "Known axis: only what had been published by this day (YYYY-MM-DD). Default: now.",
        HelpName = "date",
        CustomParser = ParseDate,
    };

    public Option<Instant?> RecordedAt { get; } = new("--recorded-at")
    {
        Description = "Recorded axis: only what the ledger held at this instant (ISO 8601, e.g. 2026-01-10T09:00:00Z). Default: now.",
        HelpName = "instant",
        CustomParser = ParseInstant,
    };

    public Option<string> Rule { get; } = new("--rule")
    {
        Description = "How an imprecise date compares: 'certainly' (by its latest possible day, the default) or 'possibly' (by its earliest).",
        DefaultValueFactory = _ => "certainly",
    };

    public AsOfOptions() => Choice.Among(Rule, "certainly", "possibly");

    public void AddTo(Command command)
    {
        command.Options.Add(Effective);
        command.Options.Add(KnownOn);
        command.Options.Add(RecordedAt);
        command.Options.Add(Rule);
    }

    public AsOf Read(ParseResult result) => new()
    {
        Effective = result.GetValue(Effective),
        KnownOn = result.GetValue(KnownOn),
        RecordedAt = result.GetValue(RecordedAt),
        Rule = result.GetValue(Rule) == "possibly" ? DateRule.Possibly : DateRule.Certainly,
    };

    internal static LocalDate? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        result.AddError($"'{text}' is not a day (write YYYY-MM-DD).");
        return null;
    }

    private static Instant? ParseInstant(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offset.Success)
        {
            try
            {
                return offset.Value.ToInstant();
            }
            catch (OverflowException)
            {
                // 9999-12-31T23:59:59-14:00 is a date and time past the last instant NodaTime holds.
                result.AddError($"'{text}' is past the last instant the ledger holds (9999-12-31T23:59:59Z).");
                return null;
            }
        }

        result.AddError($"'{text}' is not an instant (write ISO 8601 with a zone, e.g. 2026-01-10T09:00:00Z).");
        return null;
    }
}
