using System.Collections.Frozen;
using System.Globalization;

namespace CooperationLedger.Facts;

/// <summary>Someone claimed the results of operations: counts of people killed, arrested, detained, extradited.</summary>
/// <param name="FactId">The fact's deterministic id.</param>
/// <param name="Key">The fact's key, <c>document-key/fact-key</c>.</param>
/// <param name="By">Who carried out the operations.</param>
/// <param name="Counts">The counts, each with its outcome, subject and breakdown.</param>
/// <param name="Period">The period the results cover, if the source says.</param>
/// <param name="Effective">When the claim was made.</param>
/// <param name="Stage">Reported.</param>
/// <param name="Matter">The matter key shared with other claims about the same results, if any.</param>
/// <param name="Citation">Where the fact comes from.</param>
public sealed record OperationResultsClaimed(
    Guid FactId,
    string Key,
    IReadOnlyList<Actor> By,
    IReadOnlyList<OutcomeCount> Counts,
    ReportedDate? Period,
    ReportedDate Effective,
    Stage Stage,
    string? Matter,
    Citation Citation) : ReportedFact, IReportedFact
{
    /// <summary>The kind: stated in a fact file as <c>operation_results_claimed</c>.</summary>
    internal static readonly FactKind<OperationResultsClaimed> Descriptor = new("operation_results_claimed", Read)
    {
        DefaultStage = Stage.Reported,
        Summary = e => $"{FactWording.Names(e.By)}: {string.Join("; ", e.Counts.Select(c => $"{c.Count} {c.Subject} {c.Outcome}{(c.Value is null ? string.Empty : $" (worth {c.Value})")}"))}",
        Actors = e => e.By,
        Signature = e => string.Join("; ", e.Counts),
        Example = """
            date: 2011-10-03
            by: [kg-dca]
            period: 2011-09
            counts:
              - { outcome: arrested, count: 20-25, subject: traffickers }
              - { outcome: charged, count: "12", subject: traffickers, of: arrested }
            """,
    };

    private static OperationResultsClaimed? Read(IFactReading r, FactHeader h)
    {
        var by = r.ActorList("by", minimum: 1);
        var counts = new List<OutcomeCount>();
        foreach (var count in r.Fields.Maps("counts", required: true))
        {
            var outcome = count.Text("outcome", required: true, 100);
            var unit = count.Text("unit", maxLength: 40);
            var quantity = ReadQuantity(count, "count", unit);
            var subject = count.Text("subject", required: true, 300);
            var of = count.Text("of", maxLength: 100);
            var value = r.Money(count, "value");
            var breakdown = new List<CountShare>();
            foreach (var share in count.Maps("breakdown"))
            {
                var label = share.Text("label", required: true, 200);
                var actor = share.Text("actor", maxLength: 100);
                var shareCount = ReadQuantity(share, "count", unit);
                share.RejectUnknown();
                if (actor is not null)
                {
                    r.Resolve(share, "actor", actor);
                }

                if (label is not null && shareCount is not null)
                {
                    breakdown.Add(new CountShare(label, actor, shareCount));
                }
            }

            count.RejectUnknown();
            if (quantity?.UpperBound is { } most && breakdown.Count > 0 && breakdown.Sum(share => share.Count.Low ?? 0) > most)
            {
                count.Error("breakdown", $"its parts add up to more than the count ({quantity}).");
            }

            if (outcome is not null && quantity is not null && subject is not null)
            {
                counts.Add(new OutcomeCount(outcome, quantity, subject, of, breakdown, value));
            }
        }

        // "not_stated" says what leaving the field out says: a claim's absent period reads the same in every kind.
        var period = r.Fields.Says("period", StatisticClaimed.NoPeriod) ? null : r.Date(r.Fields, "period", required: false, anchor: r.PublicationDay);
        foreach (var part in counts.Where(count => count.OfOutcome is not null && counts.All(other => other.Outcome != count.OfOutcome)))
        {
            r.Fields.Error("counts", $"'{part.Outcome}' is part of '{part.OfOutcome}', which is not a count of this fact.");
        }

        return by.Count == 0 || counts.Count == 0 ? null
            : new OperationResultsClaimed(h.Id, h.Key, by, counts, period, h.Effective, h.Stage, h.Matter, h.Citation) { Links = h.Links, Expected = h.Expected };
    }

    /// <summary>
    /// Reads a count as printed: <c>20</c>, <c>20-25</c>, <c>1.5</c> with a unit, a number after a hedge
    /// (<c>about</c>, <c>around</c>, <c>some</c>; <c>at least</c>, <c>more than</c>, <c>over</c>; <c>at most</c>,
    /// <c>up to</c>, <c>fewer than</c>), or vague words with no number (<c>dozens</c>, <c>several</c>), kept as words.
    /// </summary>
    private static Quantity? ReadQuantity(IFactFields fields, string name, string? unit)
    {
        var text = fields.Text(name, required: true, 30);
        if (text is null)
        {
            return null;
        }

        if (VagueWords.Contains(text.Trim().ToLowerInvariant()))
        {
            return fields.Check(name, () => new Quantity(null, unit: unit, vague: text.Trim()));
        }

        var (approximation, number) = (Approximation.Exact, text);
        foreach (var (words, hedge) in Hedges)
        {
            if (text.StartsWith(words + " ", StringComparison.OrdinalIgnoreCase))
            {
                (approximation, number) = (hedge, text[(words.Length + 1)..].Trim());
                break;
            }
        }

        const NumberStyles styles = NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint;
        var parts = number.Split('-', 2);
        if (!decimal.TryParse(parts[0], styles, CultureInfo.InvariantCulture, out var low)
            || (parts.Length == 2 && (approximation != Approximation.Exact || !decimal.TryParse(parts[1], styles, CultureInfo.InvariantCulture, out _))))
        {
            fields.Error(name, $"'{text}' is not a count: write a number (20; 1.5 with a unit), a range (20-25), a number after about, at least, more than, at most or up to, or one of: {string.Join(", ", VagueWords.Order(StringComparer.Ordinal))}.");
            return null;
        }

        decimal? high = parts.Length == 2 ? decimal.Parse(parts[1], styles, CultureInfo.InvariantCulture) : null;
        return fields.Check(name, () => new Quantity(low, high, high is null ? approximation : Approximation.Range, unit));
    }

    /// <summary>The words a source uses for a count it does not give; each is kept as it is, with no number made up for it.</summary>
    private static readonly FrozenSet<string> VagueWords = FrozenSet.ToFrozenSet(
        ["a few", "dozens", "hundreds", "thousands", "scores", "several", "many", "numerous", "a number of", "unstated"], StringComparer.Ordinal);

    private static readonly (string Words, Approximation Approximation)[] Hedges =
    [
        ("about", Approximation.About), ("around", Approximation.About), ("some", Approximation.About), ("roughly", Approximation.About),
        ("at least", Approximation.AtLeast), ("more than", Approximation.AtLeast), ("over", Approximation.AtLeast),
        ("at most", Approximation.AtMost), ("up to", Approximation.AtMost), ("fewer than", Approximation.AtMost), ("less than", Approximation.AtMost),
    ];
}
