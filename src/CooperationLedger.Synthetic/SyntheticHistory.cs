using System.Globalization;
using System.Text;
using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Synthetic;

/// <summary>
/// A deterministic generator of realistic synthetic history, for load tests and benchmarks: documents over thirty
/// years from 1995, each with its article text and facts (donations and grants in many currencies, claimed statistics
/// with periods and baselines, agreements, meetings and training), with about 2% corrections and retractions of earlier
/// facts, 1% conflicting claims and 0.5% claims that agree with an earlier one. It streams: memory stays bounded whatever the size.
/// </summary>
/// <remarks>The same options give the same history, event for event. Instances are not shared between threads.</remarks>
public static class SyntheticHistory
{
    private static readonly LocalDate Start = new(1995, 1, 1);
    private const int SpanDays = 30 * 365;
    private const int Remembered = 4096;
    private static readonly FactKind[] Drawn = [.. FactCatalog.Kinds.Where(kind => kind.SampleWeight > 0)];
    private static readonly double TotalWeight = Drawn.Sum(kind => kind.SampleWeight);

    /// <summary>Generates the history, one document at a time.</summary>
    /// <param name="options">How much, from which seed.</param>
    /// <returns>The documents, in publication order; each fact comes before any revision of it.</returns>
    public static IEnumerable<DocumentFacts> Generate(SyntheticHistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Facts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FactsPerDocument, 1);
        var random = new Random(options.Seed);
        var words = new SyntheticVocabulary();
        var earlier = new List<IReportedFact>(Remembered);
        var documents = (options.Facts + options.FactsPerDocument - 1) / options.FactsPerDocument;
        var produced = 0;
        for (var index = 0; index < documents; index++)
        {
            var size = Math.Min(options.FactsPerDocument, options.Facts - produced);
            var published = Start.PlusDays((int)((long)index * SpanDays / documents));
            var draft = new DocumentDraft(random, words, options, $"syn-{options.Seed}-{index:D7}", published, earlier);
            var document = draft.Build(size);
            produced += document.Facts.Count;
            foreach (var fact in document.Facts.OfType<IReportedFact>())
            {
                if (earlier.Count == Remembered)
                {
                    earlier.RemoveAt(random.Next(Remembered));
                }

                earlier.Add(fact);
            }

            yield return document;
        }
    }

    /// <summary>Generates the history as an asynchronous stream, for <c>Ledger.AppendManyAsync</c>.</summary>
    /// <param name="options">How much, from which seed.</param>
    /// <returns>The documents.</returns>
    public static async IAsyncEnumerable<DocumentFacts> GenerateAsync(SyntheticHistoryOptions options)
    {
        foreach (var document in Generate(options))
        {
            yield return document;
            await Task.CompletedTask.ConfigureAwait(false);
        }
    }

    /// <summary>One document being written: its facts as sentences first, then the article, then the citations.</summary>
    private sealed class DocumentDraft(Random random, SyntheticVocabulary words, SyntheticHistoryOptions options, string key, LocalDate published, IReadOnlyList<IReportedFact> earlier)
    {
        private readonly List<(string Sentence, Func<Citation, ILedgerEvent> Build, Stance Stance, Actor? Speaker, Relay? Relay)> drafts = [];

        public DocumentFacts Build(int size)
        {
            for (var i = 0; i < size; i++)
            {
                Draft($"f{i:D3}");
            }

            var text = new StringBuilder($"Publication: {Pick(SyntheticVocabulary.Publications)} (synthetic document {key})\n");
            foreach (var (sentence, _, _, _, _) in drafts)
            {
                text.Append('\n').Append(sentence).Append(' ').Append(Filler()).Append('\n');
            }

            var article = text.ToString();
            var document = new SourceDocument(key, "Synthetic " + Pick(SyntheticVocabulary.Publications), ReportedDate.OnDay(published), SourceDocument.FingerprintOf(article));
            var facts = drafts.Select(d => d.Build(new Citation(document, d.Sentence, d.Stance, d.Speaker, d.Relay, QuoteVerifier.Locate(article, d.Sentence)))).ToArray();
            return new DocumentFacts(document, article, facts);
        }

        private void Draft(string factKey)
        {
            var id = FactIds.ForFact(key, factKey);
            var fullKey = $"{key}/{factKey}";
            var roll = random.NextDouble();
            var relay = new Relay(Pick(SyntheticVocabulary.Outlets), ReportedDate.OnDay(published.PlusDays(-random.Next(0, 5))));
            if (roll < options.RevisionShare && earlier.Count > 0)
            {
                var target = earlier[random.Next(earlier.Count)];
                var speaker = Pick(words.Officials);
                if (random.NextDouble() < 0.6 && Correction(target) is { } changes)
                {
                    Add($"{speaker.Name} corrected the earlier report {target.Key}: {Describe(changes)}.", c => new FactCorrected(id, fullKey, target.FactId, "the source revised its figure", changes, c), Stance.Party, speaker, relay);
                }
                else
                {
                    Add($"{speaker.Name} said the earlier report {target.Key} was wrong and withdrew it.", c => new FactRetracted(id, fullKey, target.FactId, "the source withdrew the report", c), Stance.Party, speaker, relay);
                }

                return;
            }

            if (roll < options.RevisionShare + options.ConflictShare && earlier.OfType<StatisticClaimed>().FirstOrDefault(claim => claim.Measure.Value is not null && random.NextDouble() < 0.05) is { } disputed)
            {
                var reviewer = Pick(words.Organisations);
                var measure = disputed.Measure.WithValue(disputed.Measure.Value!.Value + random.Next(3, 30));
                Add(
                    $"{reviewer.Name} put the change in {disputed.Metric} by the {disputed.Subject.Name} over {disputed.Period} at {measure} rather than {disputed.Measure}.",
                    c => disputed with { FactId = id, Key = fullKey, Claimant = reviewer, Measure = measure, Effective = ReportedDate.OnDay(published), Citation = c },
                    Stance.Independent,
                    reviewer,
                    null);
                return;
            }

            if (roll < options.RevisionShare + options.ConflictShare + options.CorroborationShare && earlier.OfType<StatisticClaimed>().FirstOrDefault(claim => claim.Measure.Value is not null && random.NextDouble() < 0.05) is { } agreed)
            {
                var reviewer = Pick(words.Organisations);
                Add(
                    $"{reviewer.Name} also put the change in {agreed.Metric} by the {agreed.Subject.Name} over {agreed.Period} at {agreed.Measure}.",
                    c => agreed with { FactId = id, Key = fullKey, Claimant = reviewer, Effective = ReportedDate.OnDay(published), Citation = c },
                    Stance.Independent,
                    reviewer,
                    null);
                return;
            }

            var sampler = new Sampler(random, words, id, fullKey, published, ReportedDate.OnDay(published.PlusDays(-random.Next(0, 60))));
            var sample = PickKind().Sample(sampler)!;
            Add(sample.Sentence, sample.Build, sample.Stance, sample.Speaker, relay);
        }

        /// <summary>Picks a kind of fact, each as often as its <see cref="FactKind.SampleWeight"/> says.</summary>
        private FactKind PickKind()
        {
            var roll = random.NextDouble() * TotalWeight;
            foreach (var kind in Drawn)
            {
                roll -= kind.SampleWeight;
                if (roll < 0)
                {
                    return kind;
                }
            }

            return Drawn[^1];
        }

        private static Correction? Correction(IReportedFact target) => target switch
        {
            EquipmentDonated { Value: { } value } => new Correction(new MoneyAmount(value.Amount + 1000m, value.Currency, value.Approximation, value.UpperBound, value.Verbatim), null, null, null),
            GrantProvided { Value: { } value } => new Correction(new MoneyAmount(value.Amount + 1000m, value.Currency, value.Approximation, value.UpperBound, value.Verbatim), null, null, null),
            StatisticClaimed { Measure.Value: { } number } => new Correction(null, number - 2.5m, null, null),
            _ => null,
        };

        private static string Describe(Correction changes) =>
            changes.Value is { } value ? $"the amount was {value}" : $"the figure was {changes.StatisticValue?.ToString("0.##", CultureInfo.InvariantCulture)}";

        private void Add(string sentence, Func<Citation, ILedgerEvent> build, Stance stance, Actor? speaker, Relay? relay) =>
            drafts.Add((sentence, build, stance, speaker, relay));

        private string Filler() => random.Next(4) switch
        {
            0 => "Officials did not give further details, and the figures could not be independently verified.",
            1 => "The announcement came as regional governments stepped up contacts on security matters over the past year.",
            2 => "Observers noted that similar commitments had been made before, with mixed results on the ground.",
            _ => "The statement was carried by several regional outlets and repeated at a press briefing later that day.",
        };

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }

    /// <summary>What the kinds draw their facts from: this document's fact, the generator's chance and its names.</summary>
    private sealed class Sampler(Random random, SyntheticVocabulary words, Guid id, string key, LocalDate published, ReportedDate day) : FactSampler
    {
        public override Guid Id => id;

        public override string Key => key;

        public override LocalDate Published => published;

        public override ReportedDate Day => day;

        public override IReadOnlyList<Actor> Countries => words.Countries;

        public override IReadOnlyList<Actor> Agencies => words.Agencies;

        public override IReadOnlyList<Actor> Officials => words.Officials;

        public override IReadOnlyList<Actor> Organisations => words.Organisations;

        public override IReadOnlyList<string> Currencies => SyntheticVocabulary.Currencies;

        public override IReadOnlyList<string> Items => SyntheticVocabulary.Items;

        public override IReadOnlyList<string> Areas => SyntheticVocabulary.Areas;

        public override IReadOnlyList<string> Metrics => SyntheticVocabulary.Metrics;

        public override double Roll() => random.NextDouble();

        public override int Next(int min, int max) => random.Next(min, max);
    }
}
