using System.Globalization;
using NodaTime;

namespace CooperationLedger.Facts;

/// <summary>
/// What a kind draws a synthetic fact from (see <see cref="FactKind.Sample"/>): the fact's identity and dates, a source
/// of chance and the names of synthetic history. The generator that drives it is not part of the package.
/// </summary>
internal abstract class FactSampler
{
    /// <summary>Gets the id of the fact being drawn.</summary>
    public abstract Guid Id { get; }

    /// <summary>Gets the key of the fact being drawn.</summary>
    public abstract string Key { get; }

    /// <summary>Gets the day the document is published.</summary>
    public abstract LocalDate Published { get; }

    /// <summary>Gets the day the fact happened by default: on or up to sixty days before publication.</summary>
    public abstract ReportedDate Day { get; }

    /// <summary>Gets countries.</summary>
    public abstract IReadOnlyList<Actor> Countries { get; }

    /// <summary>Gets the countries' agencies.</summary>
    public abstract IReadOnlyList<Actor> Agencies { get; }

    /// <summary>Gets officials, each a member of an agency.</summary>
    public abstract IReadOnlyList<Actor> Officials { get; }

    /// <summary>Gets international organisations.</summary>
    public abstract IReadOnlyList<Actor> Organisations { get; }

    /// <summary>Gets currency codes.</summary>
    public abstract IReadOnlyList<string> Currencies { get; }

    /// <summary>Gets things donated.</summary>
    public abstract IReadOnlyList<string> Items { get; }

    /// <summary>Gets areas of cooperation.</summary>
    public abstract IReadOnlyList<string> Areas { get; }

    /// <summary>Gets metrics statistics are claimed for.</summary>
    public abstract IReadOnlyList<string> Metrics { get; }

    /// <summary>Returns a number from 0 (inclusive) to 1 (exclusive).</summary>
    public abstract double Roll();

    /// <summary>Returns a whole number from <paramref name="min"/> (inclusive) to <paramref name="max"/> (exclusive).</summary>
    public abstract int Next(int min, int max);

    /// <summary>Picks one of the items.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// <summary>Picks <paramref name="count"/> different items.</summary>
    public IReadOnlyList<T> PickDistinct<T>(IReadOnlyList<T> items, int count)
    {
        var chosen = new List<T>(count);
        while (chosen.Count < count)
        {
            var item = Pick(items);
            if (!chosen.Contains(item))
            {
                chosen.Add(item);
            }
        }

        return chosen;
    }

    /// <summary>Gets when a fact at a stage happens: its day when realised, else a day after publication.</summary>
    /// <param name="stage">The fact's stage.</param>
    /// <param name="minDays">The fewest days after publication a promise is due.</param>
    /// <param name="maxDays">The most days after publication (exclusive) a promise is due.</param>
    public ReportedDate When(Stage stage, int minDays, int maxDays) =>
        stage == Stage.Realised ? Day : ReportedDate.OnDay(Published.PlusDays(Next(minDays, maxDays)));

    /// <summary>
    /// Draws what a donation or grant is made of: a country or organisation giving to an agency of another country, an amount in one of
    /// many currencies (a fifth of them hedged, some with a stated dollar equivalent), pledged, committed or realised,
    /// and the official who announced it.
    /// </summary>
    public (Actor Donor, Actor Recipient, MoneyAmount Value, Stage Stage, ReportedDate When, Actor Speaker) Donation()
    {
        var donor = Roll() < 0.15 ? Pick(Organisations) : Pick(Countries);
        var recipient = Pick(Agencies);
        while (recipient.Country == donor.Country)
        {
            // A state's spending on its own agencies is no donation (FactRules.DonatesToItself).
            recipient = Pick(Agencies);
        }

        var currency = new Currency(Pick(Currencies));
        var amount = Next(10, 50_000) * 1000m;
        var hedged = Roll() < 0.2;
        var dollars = Math.Round(amount / 37m, 0) + 1;
        MoneyAmount[] equivalents = currency.Code != "USD" && Roll() < 0.3
            ? [new MoneyAmount(dollars, new Currency("USD"), verbatim: string.Create(CultureInfo.InvariantCulture, $"US ${dollars:N0}"))]
            : [];
        var verbatim = string.Create(CultureInfo.InvariantCulture, $"{(hedged ? "around " : string.Empty)}{amount:N0} {currency}");
        var value = new MoneyAmount(amount, currency, hedged ? Approximation.About : Approximation.Exact, verbatim: verbatim, statedEquivalents: equivalents);
        var stage = Roll() < 0.4 ? Stage.Pledged : Roll() < 0.15 ? Stage.Committed : Stage.Realised;
        return (donor, recipient, value, stage, When(stage, 0, 365), Pick(Officials));
    }

    /// <summary>Gets an amount as an article prints it, with its stated equivalent: "12,000 KGS (US $325)".</summary>
    public static string Stated(MoneyAmount value) =>
        value.StatedEquivalents.Count == 0 ? value.Verbatim ?? value.ToString() : $"{value.Verbatim ?? value.ToString()} ({value.StatedEquivalents[0].Verbatim})";

    /// <summary>Gets the agency an official belongs to.</summary>
    public Actor AgencyOf(Actor official) => Agencies.First(agency => agency.Id == official.MemberOf);
}

/// <summary>A fact drawn for synthetic history, with the sentence of the article that reports it.</summary>
/// <param name="Sentence">The sentence, which becomes the fact's quote.</param>
/// <param name="Build">Builds the fact once its citation exists.</param>
/// <param name="Stance">The citation's stance.</param>
/// <param name="Speaker">Who the sentence is attributed to, if anyone.</param>
internal sealed record FactSample(string Sentence, Func<Citation, IReportedFact> Build, Stance Stance, Actor? Speaker);
