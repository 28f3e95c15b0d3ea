using System.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// Fact files written to make the ledger read what it must not: a file outside the corpus through a relative path, an
/// absolute path or a link; a device that never ends; a FIFO that never opens; brackets nested until the stack gives
/// out. Each is refused with file, field and reason, and nothing is appended or stored.
/// </summary>
public sealed class HostileFileTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IDisposable
{
    /// <summary>A line of <c>/etc/passwd</c> on every Debian machine, quoted to get the whole file accepted.</summary>
    private const string PasswdLine = "root:x:0:0:root:/root:/bin/bash";

    private readonly string corpus = Directory.CreateTempSubdirectory("ledger-hostile-").FullName;

    public void Dispose() => Directory.Delete(corpus, recursive: true);

    [Theory]
    [InlineData("../../../../../../../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    public async Task An_article_outside_the_corpus_is_refused_and_nothing_of_it_is_stored(string article)
    {
        var file = WriteFactFile("outside", article, PasswdLine);

        var errors = await RefusedAsync(file);

        errors.Should().Contain(error => error.Field == "document.article" && error.Reason.Contains("outside the corpus root", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_inside_the_articles_folder_to_a_file_outside_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(corpus, "articles"));
        File.CreateSymbolicLink(Path.Combine(corpus, "articles", "linked.txt"), "/etc/passwd");
        var file = WriteFactFile("linked", "../articles/linked.txt", PasswdLine);

        var errors = await RefusedAsync(file);

        errors.Should().Contain(error => error.Field == "document.article" && error.Reason.Contains("resolves to '/etc/passwd'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_to_a_folder_outside_is_followed_before_the_check()
    {
        Directory.CreateDirectory(Path.Combine(corpus, "facts"));
        File.CreateSymbolicLink(Path.Combine(corpus, "etc"), "/etc");
        var file = WriteFactFile("folder-link", "../etc/passwd", PasswdLine);

        var errors = await RefusedAsync(file);

        errors.Should().Contain(error => error.Field == "document.article" && error.Reason.Contains("outside the corpus root", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_article_inside_a_configured_corpus_root_is_read_and_one_outside_it_is_not()
    {
        Directory.CreateDirectory(Path.Combine(corpus, "articles"));
        File.Copy(Fixtures.Article("malformed-base.txt"), Path.Combine(corpus, "articles", "base.txt"));
        var file = WriteFactFile("configured", "../articles/base.txt", "China will donate radio sets worth 5m KGS (US $110,000) to the Kyrgyz border service");

        var narrow = () => fixture.Ledger.IngestAsync([file], dryRun: true, corpusRoot: Path.Combine(corpus, "facts"));
        var wide = await fixture.Ledger.IngestAsync([file], dryRun: true, corpusRoot: corpus);

        (await narrow.Should().ThrowAsync<FactFileException>()).Which.Errors.Should().Contain(error => error.Reason.Contains("outside the corpus root", StringComparison.Ordinal));
        wide.Documents.Should().ContainSingle().Which.FactsAppended.Should().Be(1);
    }

    [Fact]
    public async Task An_article_swapped_for_a_link_outside_while_it_is_read_is_never_accepted()
    {
        // A swapper replaces the article, over and over, by a link to /etc/passwd and back by a file of the corpus:
        // whichever the ingest opens, what it reads must be the file it checked.
        var articles = Path.Combine(corpus, "articles");
        Directory.CreateDirectory(articles);
        await File.WriteAllTextAsync(Path.Combine(articles, "good.txt"), "An article text with nothing in it.");
        File.Copy(Path.Combine(articles, "good.txt"), Path.Combine(articles, "art.txt"));
        var file = WriteFactFile("swapped", "../articles/art.txt", PasswdLine);
        using var stop = new CancellationTokenSource();
        var swaps = 0;
        var swapper = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var link = Path.Combine(articles, "link");
                File.Delete(link);
                File.CreateSymbolicLink(link, "/etc/passwd");
                File.Move(link, Path.Combine(articles, "art.txt"), overwrite: true);
                File.Copy(Path.Combine(articles, "good.txt"), link, overwrite: true);
                File.Move(link, Path.Combine(articles, "art.txt"), overwrite: true);
                Interlocked.Increment(ref swaps);
            }
        });

        // At least 300 attempts, and on until the swapper has made at least 300 swaps: a loaded machine starves the
        // swapper's thread, so the bound is time (two minutes), not a number of attempts.
        var accepted = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 0; attempt < 300 || (Volatile.Read(ref swaps) < 300 && clock.Elapsed < TimeSpan.FromMinutes(2)); attempt++)
        {
            try
            {
                await fixture.Ledger.IngestAsync([file], dryRun: true);
                accepted++;
            }
            catch (FactFileException)
            {
            }
        }

        await stop.CancelAsync();
        await swapper;
        swaps.Should().BeGreaterThanOrEqualTo(300, "the article was swapped throughout");
        accepted.Should().Be(0, "the passwd line is in no file of the corpus");
    }

    [Fact]
    public async Task A_device_as_article_is_refused_at_once_without_reading_it()
    {
        // /dev/zero never ends: before, the whole of it was read into memory until the process ran out.
        var file = WriteFactFile("device", "/dev/zero", "anything");

        var errors = await RefusedAsync(file, corpusRoot: "/");

        errors.Should().Contain(error => error.Field == "document.article" && error.Reason.Contains("is a device, not a regular file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_device_or_a_fifo_as_fact_file_is_refused_at_once()
    {
        var fifo = Path.Combine(corpus, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var device = await RefusedAsync("/dev/zero");
        var pipe = await RefusedAsync(fifo).WaitAsync(TimeSpan.FromSeconds(30));

        device.Should().ContainSingle().Which.Reason.Should().Contain("is a device, not a regular file");
        pipe.Should().ContainSingle().Which.Reason.Should().Contain("is a FIFO (named pipe), not a regular file");
    }

    [Fact]
    public async Task A_fact_file_nested_forty_thousand_deep_is_refused_not_a_stack_overflow()
    {
        var file = Path.Combine(corpus, "nested.yaml");
        await File.WriteAllTextAsync(file, new string('[', 40_000) + new string(']', 40_000));

        var errors = await RefusedAsync(file);

        errors.Should().ContainSingle().Which.Reason.Should().Contain($"more than {FactFileReader.MaxDepth} levels deep");
    }

    [Fact]
    public async Task A_small_file_of_aliases_that_stands_for_gigabytes_is_refused_before_it_is_built()
    {
        // 2.8 MB of aliases of one 499-character string: before, 350 MB in one fact and 5.2 GB of memory.
        var wide = Path.Combine(corpus, "wide.yaml");
        await File.WriteAllTextAsync(wide, $"anchor: &s0 \"{new string('y', 499)}\"\nitems: [{string.Join(", ", Enumerable.Repeat("*s0", 700_000))}]\n");
        // Each level nine aliases of the one before: 9^9 strings from a file of a kilobyte.
        var laughs = Path.Combine(corpus, "laughs.yaml");
        await File.WriteAllTextAsync(laughs, "l0: &l0 [lol]\n" + string.Concat(Enumerable.Range(1, 9).Select(level => $"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]\n")));

        var wideErrors = await RefusedAsync(wide);
        var laughErrors = await RefusedAsync(laughs);

        wideErrors.Should().ContainSingle().Which.Reason.Should().Contain("expands through its aliases to more than 4,194,304 characters");
        laughErrors.Should().ContainSingle().Which.Reason.Should().Contain("expands through its aliases");
    }

    [Fact]
    public async Task The_tool_refuses_deep_nesting_in_report_with_exit_code_1()
    {
        var file = Path.Combine(corpus, "nested.yaml");
        await File.WriteAllTextAsync(file, "facts: " + new string('{', 40_000) + new string('}', 40_000));

        var run = await CliRunner.ChildProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = fixture.ConnectionString }, "report", "--ingest", file);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("levels deep").And.Contain("nothing was appended").And.NotContain("Stack overflow");
    }

    [Fact]
    public void A_file_larger_than_the_cap_is_refused_whatever_its_length_claims()
    {
        var file = Path.Combine(corpus, "large.yaml");
        File.WriteAllText(file, "# " + new string('x', CorpusFile.MaxBytes));

        var act = () => FactFileReader.Read(file);

        act.Should().Throw<FactFileException>().Which.Errors.Should().ContainSingle().Which.Reason.Should().Contain("larger than 4,194,304 bytes");
    }

    private async Task<IReadOnlyList<FactFileError>> RefusedAsync(string file, string? corpusRoot = null)
    {
        var before = await fixture.Ledger.CountEventsAsync();
        var act = () => fixture.Ledger.IngestAsync([file], corpusRoot: corpusRoot);
        var errors = (await act.Should().ThrowAsync<FactFileException>()).Which.Errors;
        errors.Should().OnlyContain(error => error.File == file || error.File == Path.GetFullPath(file));
        (await fixture.Ledger.CountEventsAsync()).Should().Be(before);
        return errors;
    }

    /// <summary>Writes <c>facts/NAME.yaml</c> in the temporary corpus: one claimed statistic quoting <paramref name="quote"/> from <paramref name="article"/>.</summary>
    private string WriteFactFile(string name, string article, string quote)
    {
        Directory.CreateDirectory(Path.Combine(corpus, "facts"));
        var file = Path.Combine(corpus, "facts", name + ".yaml");
        File.WriteAllText(file, $"""
            document:
              key: hostile-{name}
              article: {article}
              publication: Test Wire
              published: 2010-03-03
            actors:
              kg-border: {"{"} kind: agency, name: Kyrgyz Border Service, country: KG {"}"}
            facts:
              - key: claim
                type: statistic_claimed
                date: 2010-03-02
                claimant: kg-border
                subject: kg-border
                metric: heroin seized
                measure: {"{"} kind: percent_change, value: 12, unit: percent, verbatim: 12% more {"}"}
                period: "2009"
                baseline: "2008"
                citation:
                  quote: "{quote}"
                  stance: party
                  attributedTo: kg-border
            """);
        return file;
    }
}
