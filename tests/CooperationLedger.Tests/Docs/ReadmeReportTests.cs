using System.Text.RegularExpressions;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Docs;

/// <summary>The README's excerpt of the report is what <c>ledger report</c> prints for the seeds at 80 columns, part by part.</summary>
public sealed partial class ReadmeReportTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_readme_excerpt_is_the_report_the_seeds_print_at_80_columns()
    {
        var environment = new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString, ["COLUMNS"] = "80" };
        (await CliRunner.InProcessAsync(environment, "ingest", Seeds.Folder)).ExitCode.Should().Be(0);
        var report = (await CliRunner.InProcessAsync(environment, "report", "--known-on", "2011-12-31")).Output.Replace("\r\n", "\n", StringComparison.Ordinal);
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Folder, "README.md"));

        var excerpt = Excerpt().Match(readme);
        excerpt.Success.Should().BeTrue("the README shows the report between its markers");
        var parts = excerpt.Groups["text"].Value.Split('\n').Append("[...]")
            .Aggregate(new List<List<string>> { new() }, (found, line) =>
            {
                if (line == "[...]")
                {
                    found.Add([]);
                }
                else
                {
                    found[^1].Add(line);
                }

                return found;
            })
            .Where(lines => lines.Count > 0)
            .Select(lines => string.Join('\n', lines).Trim('\n'))
            .ToArray();
        parts.Should().HaveCountGreaterThan(1);
        report.Should().StartWith(parts[0] + "\n");
        foreach (var part in parts)
        {
            report.Should().Contain(part + "\n", "each part of the excerpt is lines the report prints, whole and in order");
        }

        report.Split('\n').Should().OnlyContain(line => line.Length <= 80);
    }

    [GeneratedRegex(@"<!-- report-80:start -->\n```text\n(?<text>.*?)\n```\n<!-- report-80:end -->", RegexOptions.Singleline)]
    private static partial Regex Excerpt();
}
