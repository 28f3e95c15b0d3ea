using System.CommandLine;
using CooperationLedger.Cli.Output;
using CooperationLedger.LocalCluster;

namespace CooperationLedger.Cli.Database;

/// <summary><c>ledger db status|start|stop|path</c>: manage the embedded default cluster.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var db = new Command(
            "db",
            "Manage the embedded PostgreSQL cluster that ledger uses when no connection is given. It lives in $XDG_DATA_HOME/cooperation-ledger " +
            "(else ~/.local/share/cooperation-ledger), is created on first use from the machine's PostgreSQL programs, and keeps its data " +
            "between runs. Its server caches pages in 256MB of memory unless COOPERATIONLEDGER_SHARED_BUFFERS asks for another size " +
            "(such as 512MB or 1GB; at most a quarter of the machine's memory), taken when the server starts.\n\n" +
            "Examples:\n  ledger db status\n  ledger db stop\n  COOPERATIONLEDGER_SHARED_BUFFERS=1GB ledger db start");
        db.Subcommands.Add(Subcommand("path", "Print the embedded cluster's folder.\n\nExample:\n  ledger db path", context, (root, _, _) =>
        {
            TextOutput.Line(context, root);
            return Task.FromResult(ExitCodes.Success);
        }));
        var json = new Option<bool>("--json") { Description = "Write JSON: {\"cluster\": {\"folder\", \"state\"}, \"ledger\": {\"documents\", \"facts\", \"revisions\"}}, the ledger's counts only when they were read." };
        var status = Subcommand("status", "Say whether the embedded cluster exists and runs, and, when it runs, how many documents, facts and revisions the ledger (of --schema and --tenant) holds.\n\nExamples:\n  ledger db status\n  ledger db status --json", context, async (root, parse, token) =>
        {
            var state = await LocalPostgresCluster.GetStateAsync(root, DatabaseTarget.Binaries(context), token);
            var counts = (LedgerCounts?)null;
            var exit = ExitCodes.Success;
            if (state == LocalClusterState.Running && parse.GetValue(GlobalOptions.Connection) is null && context.Variable(DatabaseTarget.ConnectionVariable) is null)
            {
                // The counts are of the embedded cluster's ledger, as it holds it now; a server stopped meanwhile (ledger
                // db stop) leaves them uncounted, which the error stream says, and the status stands.
                exit = await LedgerSession.RunAsync(parse, context, async (ledger, inner) =>
                {
                    var (documents, facts, revisions) = (0, 0L, 0L);
                    await foreach (var document in ledger.ReadDocumentsAsync(inner))
                    {
                        (documents, facts, revisions) = (documents + 1, facts + document.Facts, revisions + document.Revisions);
                    }

                    counts = new LedgerCounts(documents, facts, revisions);
                    return ExitCodes.Success;
                }, token);
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context, new DbStatus(new ClusterStatus(root, StateName(state)), counts));
            }
            else
            {
                TextOutput.Line(context, state switch
                {
                    LocalClusterState.NotCreated => $"not created ({root}); the first command that needs it creates it",
                    LocalClusterState.Stopped => $"stopped ({root}); ledger db start, or any command, starts it",
                    _ => $"running ({root})",
                });
                if (counts is { } counted)
                {
                    TextOutput.Line(context, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ledger: {counted.Documents:#,0} documents, {counted.Facts:#,0} facts, {counted.Revisions:#,0} corrections and retractions"));
                }
            }

            return exit == ExitCodes.DatabaseUnavailable ? ExitCodes.Success : exit;
        });
        status.Options.Add(json);
        db.Subcommands.Add(status);
        db.Subcommands.Add(Subcommand("start", "Create the embedded cluster if needed and start it.\n\nExample:\n  ledger db start", context, async (root, _, token) =>
        {
            await DatabaseTarget.StartEmbeddedAsync(context, token);
            TextOutput.Line(context, $"running ({root})");
            return ExitCodes.Success;
        }));
        db.Subcommands.Add(Subcommand("stop", "Stop the embedded cluster; its data stays.\n\nExample:\n  ledger db stop", context, async (root, _, token) =>
        {
            var stopped = await LocalPostgresCluster.StopPersistentAsync(root, DatabaseTarget.Binaries(context), token);
            TextOutput.Line(context, stopped ? $"stopped ({root})" : $"not running ({root})");
            return ExitCodes.Success;
        }));
        return db;
    }

    private static string StateName(LocalClusterState state) => state switch
    {
        LocalClusterState.NotCreated => "not_created",
        LocalClusterState.Stopped => "stopped",
        _ => "running",
    };

    private static Command Subcommand(string name, string description, CliContext context, Func<string, ParseResult, CancellationToken, Task<int>> work)
    {
        var command = new Command(name, description);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await work(DatabaseTarget.ClusterRoot(context), parse, cancellationToken);
            }
            catch (Exception exception)
            {
                return LedgerSession.Report(exception, null, context);
            }
        });
        return command;
    }
}

/// <summary>What <c>ledger db status --json</c> writes.</summary>
/// <param name="Cluster">The embedded cluster: its folder and state.</param>
/// <param name="Ledger">The counts of the ledger it holds, when it runs and they were read.</param>
internal sealed record DbStatus(ClusterStatus Cluster, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] LedgerCounts? Ledger);

/// <summary>The embedded cluster's folder and state (<c>not_created</c>, <c>stopped</c> or <c>running</c>).</summary>
internal sealed record ClusterStatus(string Folder, string State);

/// <summary>How many documents, facts and revisions (corrections and retractions) a ledger holds.</summary>
internal sealed record LedgerCounts(int Documents, long Facts, long Revisions);
