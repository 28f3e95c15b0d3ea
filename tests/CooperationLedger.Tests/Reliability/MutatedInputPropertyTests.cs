using CooperationLedger.Ingestion;
using CooperationLedger.Tests.Support;
using CsCheck;
using Marten;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// A property: whatever random damage is done to a valid fact file (lines dropped, doubled or cut, characters of YAML's
/// syntax inserted or swapped in), ingesting it either appends the whole document or refuses it with errors; it never
/// throws anything else and never appends part of a document.
/// </summary>
public sealed class MutatedInputPropertyTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-mutated-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Random_damage_to_a_fact_file_is_refused_whole_or_appended_whole()
    {
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        File.Copy(Fixtures.Article("malformed-base.txt"), Path.Combine(articles, "malformed-base.txt"));
        var facts = Path.Combine(folder, "facts");
        Directory.CreateDirectory(facts);
        var original = await File.ReadAllTextAsync(Fixtures.FactFile("malformed-base"));
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Int[0, original.Length - 1], Gen.Char["{}[]:-\"' \t#x\n\\&*!|>%@`"]);
        var attempt = 0;

        await mutation.SampleAsync(
            async (kind, position, character) =>
            {
                var text = Mutate(original, kind, position, character);
                var path = Path.Combine(facts, $"mutated-{++attempt}.yaml");
                await File.WriteAllTextAsync(path, text);
                var before = await fixture.Ledger.CountEventsAsync();
                try
                {
                    var report = await fixture.Ledger.IngestAsync([path]);
                    var document = report.Documents.Should().ContainSingle().Subject;
                    (document.FactsAppended + document.FactsAlreadyPresent).Should().Be(FactFileReader.Read(path).Events.Count, "a document is appended whole");
                    (await fixture.Ledger.CountEventsAsync()).Should().Be(before + document.FactsAppended);
                }
                catch (FactFileException refused)
                {
                    refused.Errors.Should().NotBeEmpty();
                    (await fixture.Ledger.CountEventsAsync()).Should().Be(before, "a refused document appends nothing");
                }
            },
            iter: 120,
            threads: 1);
    }

    private static string Mutate(string text, int kind, int position, char character)
    {
        var lines = text.Split('\n').ToList();
        var line = position % lines.Count;
        switch (kind)
        {
            case 0:
                lines.RemoveAt(line);
                return string.Join('\n', lines);
            case 1:
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 2:
                return text[..position] + character + text[position..];
            case 3:
                return text[..position] + character + text[(position + 1)..];
            default:
                return text[..position];
        }
    }
}
