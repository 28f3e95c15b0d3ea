using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;
using CsCheck;
using YamlDotNet.RepresentationModel;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// A property: whatever random damage is done to a valid fact file, to its text (lines dropped, doubled or cut,
/// characters of YAML's syntax inserted or swapped in) or to its structure (a node nested deep, replaced by an alias of
/// another, given another type or tag, removed, or its article path pointed at a device, a folder, a file or a link
/// outside the corpus), ingesting it either appends the whole document or refuses it with errors; it never throws
/// anything else, never appends part of a document, and never stores a text from outside the corpus.
/// </summary>
public sealed class MutatedInputPropertyTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-mutated-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Random_damage_to_a_fact_file_is_refused_whole_or_appended_whole()
    {
        var (facts, original) = await CorpusAsync();
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Int[0, original.Length - 1], Gen.Char["{}[]:-\"' \t#x\n\\&*!|>%@`"]);
        var attempt = 0;

        await mutation.SampleAsync(
            (kind, position, character) => AppendedWholeOrRefusedWholeAsync(Path.Combine(facts, $"mutated-{++attempt}.yaml"), Mutate(original, kind, position, character)),
            iter: 120,
            threads: 1);
    }

    [Fact]
    public void A_colon_that_leaves_a_key_with_no_value_where_the_facts_begin_is_refused_as_yaml()
    {
        // Found by the property above (seed adhu_5VdkWK3): YamlDotNet's loader threw an ArgumentException.
        var original = File.ReadAllText(Fixtures.FactFile("malformed-base"));

        var errors = Fixtures.Refusals(Mutate(original, 2, 434, ':'), "malformed-base.txt");

        errors.Should().ContainSingle().Which.Reason.Should().StartWith("is not valid YAML");
    }

    [Fact]
    public async Task Random_changes_to_a_fact_files_structure_are_refused_whole_or_appended_whole()
    {
        var (facts, original) = await CorpusAsync();
        var mutation = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 100_000], Gen.Int[0, 100_000]);
        var attempt = 0;

        await mutation.SampleAsync(
            (kind, target, other) => AppendedWholeOrRefusedWholeAsync(Path.Combine(facts, $"structure-{++attempt}.yaml"), MutateStructure(original, kind, target, other)),
            iter: 100,
            threads: 1);

        if ((bool)(await LedgerInspection.ScalarAsync(fixture.ConnectionString, "select to_regclass('cooperation_ledger.mt_doc_storeddocument') is not null"))!)
        {
            (await LedgerInspection.ScalarAsync(fixture.ConnectionString, "select count(*) from cooperation_ledger.mt_doc_storeddocument where data::text like '%root:x:0:0%'")).Should().Be(0L, "no text from outside the corpus is stored");
        }
    }

    /// <summary>Lays out the corpus: the base's article (and a link beside it to a file outside), and a folder for the mutated files.</summary>
    /// <returns>The facts folder and the base fact file's text.</returns>
    private async Task<(string Facts, string Original)> CorpusAsync()
    {
        var articles = Path.Combine(folder, "articles");
        Directory.CreateDirectory(articles);
        File.Copy(Fixtures.Article("malformed-base.txt"), Path.Combine(articles, "malformed-base.txt"));
        File.CreateSymbolicLink(Path.Combine(articles, "outside.txt"), "/etc/passwd");
        var facts = Path.Combine(folder, "facts");
        Directory.CreateDirectory(facts);
        return (facts, await File.ReadAllTextAsync(Fixtures.FactFile("malformed-base")));
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> and ingests it: the whole document is appended, or it is refused and nothing is.</summary>
    private async Task AppendedWholeOrRefusedWholeAsync(string path, string text)
    {
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
    }

    /// <summary>Article paths that must never be read: a device, a folder, files and a link outside the corpus.</summary>
    private static readonly string[] HostilePaths = ["/dev/zero", "/dev/urandom", "/etc/passwd", "../../../../../../../../etc/passwd", "../articles", "../articles/outside.txt", "../articles/../../../../etc/hostname", "", "."];

    /// <summary>Changes one node of the file's YAML tree, chosen by <paramref name="target"/>, in the way <paramref name="kind"/> says.</summary>
    private static string MutateStructure(string yaml, int kind, int target, int other)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var slots = Slots(root).ToList();
        var (parent, key, node) = slots[target % slots.Count];
        switch (kind)
        {
            case 0:
                // Nested in sequences, sometimes far deeper than the format allows.
                var depth = other % 4 == 0 ? 1_000 + (other % 3_000) : 1 + (other % 40);
                var nested = node;
                for (var level = 0; level < depth; level++)
                {
                    nested = new YamlSequenceNode(nested);
                }

                Set(parent, key, nested);
                break;
            case 1:
                // An alias of another node (YAML's anchors), never of one that holds this slot.
                var candidates = root.AllNodes.Where(candidate => !candidate.AllNodes.Contains(parent)).ToList();
                Set(parent, key, candidates[other % candidates.Count]);
                break;
            case 2:
                YamlNode[] types = [new YamlScalarNode("12"), new YamlScalarNode("~"), new YamlScalarNode("true"), new YamlSequenceNode(node), new YamlMappingNode(new YamlScalarNode("x"), node), new YamlScalarNode(string.Empty), new YamlScalarNode("-1e309")];
                Set(parent, key, types[other % types.Length]);
                break;
            case 3:
                var document = (YamlMappingNode)root.Children[new YamlScalarNode("document")];
                document.Children[new YamlScalarNode("article")] = new YamlScalarNode(HostilePaths[other % HostilePaths.Length]);
                break;
            case 4:
                node.Tag = (other % 3) switch { 0 => "!custom", 1 => "tag:yaml.org,2002:binary", _ => "tag:yaml.org,2002:int" };
                break;
            default:
                Remove(parent, key);
                break;
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: true);
        return writer.ToString();
    }

    /// <summary>Every place a node stands in the tree: its parent and its key (a mapping's key node, or a sequence's index).</summary>
    private static IEnumerable<(YamlNode Parent, object Key, YamlNode Node)> Slots(YamlNode parent) => parent switch
    {
        YamlMappingNode mapping => mapping.Children.ToArray().SelectMany(pair => Slots(pair.Value).Prepend((parent, (object)pair.Key, pair.Value))),
        YamlSequenceNode sequence => sequence.Children.ToArray().SelectMany((child, index) => Slots(child).Prepend((parent, (object)index, child))),
        _ => [],
    };

    private static void Set(YamlNode parent, object key, YamlNode node)
    {
        if (parent is YamlMappingNode mapping)
        {
            mapping.Children[(YamlNode)key] = node;
        }
        else
        {
            ((YamlSequenceNode)parent).Children[(int)key] = node;
        }
    }

    private static void Remove(YamlNode parent, object key)
    {
        if (parent is YamlMappingNode mapping)
        {
            mapping.Children.Remove((YamlNode)key);
        }
        else
        {
            ((YamlSequenceNode)parent).Children.RemoveAt((int)key);
        }
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
