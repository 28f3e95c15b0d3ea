using System.Diagnostics;
using System.Text.Json;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Cli;

/// <summary><c>ledger documents</c> lists the seeds' sources with their facts' counts; <c>ledger completion</c> completes in a real bash.</summary>
public sealed class DocumentsAndCompletionTests(DatabaseFixture database) : SeededCli(database)
{
    [Fact]
    public async Task Documents_lists_each_seed_source_with_as_many_facts_as_its_fact_file_encodes()
    {
        var run = await RunAsync("documents", "--json");

        run.ExitCode.Should().Be(0, run.Error);
        var documents = JsonDocument.Parse(run.Output).RootElement.GetProperty("documents").EnumerateArray()
            .ToDictionary(item => item.GetProperty("document").GetProperty("key").GetString()!, item => item.GetProperty("facts").GetInt32());
        documents.Should().Equal(Seeds.FactFiles.Select(file => FactFileReader.Read(file)).ToDictionary(file => file.Document.Key, file => file.Events.Count));
        var table = await RunAsync("documents");
        table.Output.Should().Contain("Kyrgyz Special Services Expand International").And.Contain("Asker Sultanov");
    }

    [Theory]
    [InlineData("don", "donors")]
    [InlineData("donors --cur", "--currency")]
    [InlineData("export --format ", "csv json prov")]
    public async Task The_bash_completion_script_completes_what_is_typed(string typed, string completed)
    {
        var script = (await RunAsync("completion", "bash")).Output;
        var words = typed.Split(' ');
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        // The typed program is `ledger`, here a shell function that runs the built tool, as the program on the PATH would.
        await process.StandardInput.WriteLineAsync($"ledger() {{ dotnet '{CliRunner.LedgerDll}' \"$@\"; }}");
        await process.StandardInput.WriteLineAsync(script);
        await process.StandardInput.WriteLineAsync($"COMP_WORDS=(ledger {string.Join(' ', words.Select(word => $"'{word}'"))}); COMP_CWORD={words.Length}; COMP_LINE='ledger {typed}'; COMP_POINT=${{#COMP_LINE}}; _ledger_complete; echo \"${{COMPREPLY[@]}}\"");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        output.Trim().Should().Be(completed);
    }
}
