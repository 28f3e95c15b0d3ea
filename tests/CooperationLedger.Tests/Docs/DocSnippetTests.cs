using System.Text.RegularExpressions;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Docs;

/// <summary>
/// Every C# block in the README, docs/ (at any depth) and the package's readme is code that runs in a test, as Marten's
/// and NodaTime's docs are: the README's two programs are built and run from the packed package
/// (<c>PackageConsumerTests</c>), and every other block is the region of the same name in a test method of this folder
/// (<c>#region snippet: name</c>), marked in the doc by <c>&lt;!-- snippet: name --&gt;</c>. A block is C# when its
/// fence (<c>```</c> or <c>~~~</c>) says <c>csharp</c>, <c>cs</c> or <c>c#</c>, in any case, with or without more words.
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

    /// <summary>The README, every document of docs/ and the package's readme, relative to the repository.</summary>
    private static IEnumerable<string> DocumentPaths() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Folder, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Append(Path.Combine(RepositoryRoot.Folder, "README.md"))
            .Append(Path.Combine(RepositoryRoot.Folder, "src", "CooperationLedger", "PACKAGE.md"))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Folder, path));

    /// <summary>
    /// Every <c>#region snippet: name</c> of the test files of this folder, its lines with their common indentation
    /// removed; each must stand in a method marked <c>[Fact]</c> or <c>[Theory]</c>, so that it runs.
    /// </summary>
    private static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Folder, "tests", "CooperationLedger.Tests", "Docs"), "*.cs"))
        {
            var text = File.ReadAllText(file);
            foreach (Match region in SnippetRegion().Matches(text))
            {
                var method = text[..region.Index].Split('\n').Reverse().SkipWhile(line => !MethodSignature().IsMatch(line)).Skip(1).FirstOrDefault(line => line.Trim().Length > 0);
                (method?.Trim() ?? string.Empty).Should().BeOneOf(["[Fact]", "[Theory]"], $"the snippet '{region.Groups["name"].Value}' in {Path.GetFileName(file)} is in a test method, so that it runs");
                var lines = region.Groups["code"].Value.TrimEnd().Split('\n');
                var indent = lines.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);
                regions.Add(region.Groups["name"].Value, string.Join('\n', lines.Select(line => line.Length >= indent ? line[indent..] : line.Trim())) + "\n");
            }
        }

        return regions;
    }

    [GeneratedRegex(@"^[ \t]*(?<fence>```|~~~)[ \t]*(?i:csharp|cs|c\#)(?=[ \t\n])[^\n]*\n(?<code>.*?)^[ \t]*\k<fence>", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^\s*(public|private|internal|protected)\b[^=;]*\(")]
    private static partial Regex MethodSignature();

    [GeneratedRegex(@"^<!-- snippet: (?<name>[a-z0-9-]+) -->$", RegexOptions.Multiline)]
    private static partial Regex SnippetMarker();

    [GeneratedRegex(@"#region snippet: (?<name>[a-z0-9-]+)\n(?<code>.*?)\n\s*#endregion", RegexOptions.Singleline)]
    private static partial Regex SnippetRegion();
}
