using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using CooperationLedger.Tests.Support;
using Marten;

namespace CooperationLedger.Tests.Catalog;

/// <summary>
/// Walks the catalog of fact kinds: every kind, written as its example says in a fact file of its own, is read, stored
/// under its stable name, projected into exactly the views it says it feeds, summarised and exported. A kind added to
/// the catalog is covered here with no change to this test.
/// </summary>
public sealed class FactCatalogTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-catalog-").FullName;

    public static TheoryData<string> Kinds => [.. FactCatalog.Kinds.Select(kind => kind.Name)];

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kinds_example_is_read_as_a_fact_of_that_kind(string name)
    {
        var kind = FactCatalog.Find(name)!;

        var file = WriteExample(kind);

        var read = () => FactFileReader.Read(file);

        var parsed = read.Should().NotThrow("the example is a valid fact of a fact file").Subject;
        parsed.Events.Should().ContainSingle().Which.Should().BeOfType(kind.Type);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_is_stored_under_its_name_and_projected_into_the_views_it_feeds(string name)
    {
        var (kind, fact) = await IngestExampleAsync(name);

        await using var session = fixture.Ledger.Store.QuerySession();
        var stored = await session.Events.QueryAllRawEvents().ToListAsync();
        stored.Should().ContainSingle(e => ((ILedgerEvent)e.Data).FactId == fact.FactId).Which.EventTypeName.Should().Be(name);
        (await StoredEntries.OneAsync(fixture.Ledger, EntryShapes.Donations, fact.FactId) is not null).Should().Be(kind.Feeds(FactView.Donations), "the donations view keeps {0} only if it says so", name);
        (await StoredEntries.OneAsync(fixture.Ledger, EntryShapes.Claims, fact.FactId) is not null).Should().Be(kind.Feeds(FactView.Claims), "the claims view keeps {0} only if it says so", name);
        (await StoredEntries.OneAsync(fixture.Ledger, EntryShapes.Agreements, fact.FactId) is not null).Should().Be(kind.Feeds(FactView.Agreements), "the agreements view keeps {0} only if it says so", name);
        (await StoredEntries.OneAsync(fixture.Ledger, EntryShapes.Timeline, fact.FactId))!.Summary.Should().Be(kind.SummaryOf(fact), "the timeline keeps every fact");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_is_summarised_and_exported_with_its_figure(string name)
    {
        var (kind, fact) = await IngestExampleAsync(name);

        var exported = await fixture.Ledger.ReadFactsAsync().Where(recorded => recorded.Fact.FactId == fact.FactId).ToListAsync();

        var recorded = exported.Should().ContainSingle().Which;
        recorded.Fact.Should().BeOfType(kind.Type).And.BeEquivalentTo(fact, options => options.RespectingRuntimeTypes());
        recorded.Summary.Should().NotBeNullOrWhiteSpace().And.NotBe(fact.Key, "a summary says what the fact reports");
        recorded.Figure.Should().Be(kind.SignatureOf(fact));
        FactActors.Of(fact).Should().NotBeEmpty("every fact involves an actor");
    }

    [Fact]
    public void Synthetic_history_draws_every_kind_that_has_a_sample_weight()
    {
        var drawn = SyntheticHistory.Generate(new SyntheticHistoryOptions(Facts: 2_000, Seed: 5))
            .SelectMany(document => document.Facts)
            .OfType<IReportedFact>()
            .Select(fact => FactCatalog.NameOf(fact))
            .ToHashSet(StringComparer.Ordinal);

        drawn.Should().BeEquivalentTo(FactCatalog.Kinds.Where(kind => kind.SampleWeight > 0).Select(kind => kind.Name));
    }

    [Fact]
    public void Every_event_type_has_one_name_and_every_name_one_type()
    {
        FactCatalog.Events.Select(entry => entry.Name).Should().OnlyHaveUniqueItems();
        FactCatalog.Events.Select(entry => entry.Type).Should().OnlyHaveUniqueItems();
        FactCatalog.Kinds.Should().OnlyContain(kind => typeof(IReportedFact).IsAssignableFrom(kind.Type));
        typeof(IReportedFact).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ILedgerEvent).IsAssignableFrom(type))
            .Should().BeEquivalentTo(FactCatalog.Events.Select(entry => entry.Type), "every event record is in the catalog");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_has_a_row_in_the_fact_file_reference(string name)
    {
        var reference = File.ReadAllText(Path.Combine(RepositoryRoot.Folder, "docs", "fact-files.md"));

        reference.Should().Contain($"| `{name}` |", "docs/fact-files.md lists every kind with its fields");
    }

    /// <summary>Ingests the kind's example (again, when another test did: ingestion is idempotent) and returns the fact read.</summary>
    private async Task<(FactKind Kind, IReportedFact Fact)> IngestExampleAsync(string name)
    {
        var kind = FactCatalog.Find(name)!;
        var file = WriteExample(kind);
        await fixture.Ledger.IngestAsync([file]);
        return (kind, (IReportedFact)FactFileReader.Read(file).Events.Single());
    }

    /// <summary>Writes a fact file holding the kind's example alone, with an article that holds its quote.</summary>
    private string WriteExample(FactKind kind)
    {
        var key = "catalog-" + kind.Name.Replace('_', '-');
        var quote = $"The example of the catalog reports one {kind.Name.Replace('_', ' ')} fact.";
        File.WriteAllText(Path.Combine(folder, key + ".txt"), $"Catalog examples\n\n{quote}\n");
        var fields = string.Join('\n', kind.Example.TrimEnd().Split('\n').Select(line => "    " + line));
        var file = Path.Combine(folder, key + ".yaml");
        File.WriteAllText(file, $"""
            document:
              key: {key}
              article: {key}.txt
              publication: Catalog Examples
              published: 2011-12-31
            actors:
            {Indent(FactCatalog.ExampleActors, "  ")}
            facts:
              - key: example
                type: {kind.Name}
            {fields}
                citation:
                  quote: {quote}
            """);
        return file;
    }

    private static string Indent(string text, string indent) => string.Join('\n', text.TrimEnd().Split('\n').Select(line => indent + line));
}
