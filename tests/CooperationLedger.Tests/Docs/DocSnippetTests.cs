using System.Text.RegularExpressions;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Docs;

/// <summary>
/// Every C# block in the README and docs/ is code that runs in a test, as Marten's and NodaTime's docs are: the README's
/// two programs are built and run from the packed package (<c>PackageConsumerTests</c>), and every other block is the
/// region of the same name in a test (<c>#region snippet: name</c>), marked in the doc by <c>&lt;!-- snippet: name --&gt;</c>.
/// </summary>
public sealed partial class DocSnippetTests
{
    private static readonly string[] ReadmePrograms = ["consumer-example", "joined-example"];

    public static TheoryData<string> Documents => [.. DocumentPaths()];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_csharp_block_is_a_tested_snippet_or_a_readme_program(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Folder, document));
        var regions = Regions();

        foreach (Match block in CSharpBlock().Matches(text))
        {
            var before = text[..block.Index].TrimEnd();
            var snippet = SnippetMarker().Match(before[(before.LastIndexOf('\n') + 1)..]);
            if (snippet.Success)
            {
                var name = snippet.Groups["name"].Value;
                regions.Should().ContainKey(name, $"{document} shows the snippet '{name}', which a test's #region snippet: {name} holds");
                block.Groups["code"].Value.Should().Be(regions[name], $"{document}'s '{name}' is the code the test runs; copy it from the region");
            }
            else
            {
                ReadmePrograms.Should().Contain(
                    program => document == "README.md" && before.EndsWith($"<!-- {program}:start -->", StringComparison.Ordinal),
                    $"every C# block of {document} is compiled by a test; this one, at character {block.Index}, is neither a snippet nor a README program");
            }
        }
    }

    [Fact]
    public void Every_snippet_region_is_shown_in_a_document()
    {
        var shown = DocumentPaths().Select(document => File.ReadAllText(Path.Combine(RepositoryRoot.Folder, document)))
            .SelectMany(text => SnippetMarker().Matches(text).Select(match => match.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Regions().Keys.Should().OnlyContain(name => shown.Contains(name), "a snippet region no document shows is dead weight");
    }

    /// <summary>The README and every document of docs/, relative to the repository.</summary>
    private static IEnumerable<string> DocumentPaths() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Folder, "docs"), "*.md").Order(StringComparer.Ordinal).Append(Path.Combine(RepositoryRoot.Folder, "README.md"))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Folder, path));

    /// <summary>Every <c>#region snippet: name</c> of the tests, its lines with their common indentation removed.</summary>
    private static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Folder, "tests"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match region in SnippetRegion().Matches(File.ReadAllText(file)))
            {
                var lines = region.Groups["code"].Value.TrimEnd().Split('\n');
                var indent = lines.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);
                regions.Add(region.Groups["name"].Value, string.Join('\n', lines.Select(line => line.Length >= indent ? line[indent..] : line.Trim())) + "\n");
            }
        }

        return regions;
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^<!-- snippet: (?<name>[a-z0-9-]+) -->$", RegexOptions.Multiline)]
    private static partial Regex SnippetMarker();

    [GeneratedRegex(@"#region snippet: (?<name>[a-z0-9-]+)\n(?<code>.*?)\n\s*#endregion", RegexOptions.Singleline)]
    private static partial Regex SnippetRegion();
}
