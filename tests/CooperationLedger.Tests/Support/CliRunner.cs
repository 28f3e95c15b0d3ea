using System.Diagnostics;
using CooperationLedger.Cli;

namespace CooperationLedger.Tests.Support;

/// <summary>What a run of <c>ledger</c> printed and exited with.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

/// <summary>Runs the real <c>ledger</c>: in process (fast), or as a child process (for the embedded cluster and crashes).</summary>
public static class CliRunner
{
    /// <summary>
    /// Gets the tool as its own build wrote it: this test folder lacks the Microsoft.Extensions assemblies that the
    /// shared ASP.NET Core framework gives the tests but not the tool.
    /// </summary>
    public static string LedgerDll { get; } = Path.GetFullPath(
        typeof(CliRunner).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), inherit: false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "LedgerCli").Value!);

    public static async Task<CliRun> InProcessAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null, interactive: false);
        var exitCode = await LedgerCommandLine.RunAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static async Task<CliRun> ChildProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = StartChild(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>ledger</c> as a child process with exactly the given environment overrides; the caller reads its output.</summary>
    public static Process StartChild(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(LedgerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test gives: never a connection inherited from the developer's shell.
        start.Environment.Remove("COOPERATIONLEDGER_CONNECTION");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
