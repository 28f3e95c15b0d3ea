using System.CommandLine;
using CooperationLedger.LocalCluster;
using Spectre.Console;

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
            "between runs.\n\nExamples:\n  ledger db status\n  ledger db stop");
        db.Subcommands.Add(Subcommand("path", "Print the embedded cluster's folder.\n\nExample:\n  ledger db path", context, (root, _) =>
        {
            context.Console.WriteLine(root);
            return Task.FromResult(ExitCodes.Success);
        }));
        db.Subcommands.Add(Subcommand("status", "Say whether the embedded cluster exists and runs.\n\nExample:\n  ledger db status", context, async (root, token) =>
        {
            var state = await LocalPostgresCluster.GetStateAsync(root, Binaries(context), token);
            context.Console.WriteLine(state switch
            {
                LocalClusterState.NotCreated => $"not created ({root}); the first command that needs it creates it",
                LocalClusterState.Stopped => $"stopped ({root})",
                _ => $"running ({root})",
            });
            return ExitCodes.Success;
        }));
        db.Subcommands.Add(Subcommand("start", "Create the embedded cluster if needed and start it.\n\nExample:\n  ledger db start", context, async (root, token) =>
        {
            var cluster = await LocalPostgresCluster.StartPersistentAsync(root, Binaries(context), token);
            await cluster.EnsureDatabaseAsync(DatabaseTarget.EmbeddedDatabase, token);
            context.Console.WriteLine($"running ({root})");
            return ExitCodes.Success;
        }));
        db.Subcommands.Add(Subcommand("stop", "Stop the embedded cluster; its data stays.\n\nExample:\n  ledger db stop", context, async (root, token) =>
        {
            var stopped = await LocalPostgresCluster.StopPersistentAsync(root, Binaries(context), token);
            context.Console.WriteLine(stopped ? $"stopped ({root})" : $"not running ({root})");
            return ExitCodes.Success;
        }));
        return db;
    }

    private static PostgresBinaries Binaries(CliContext context) => PostgresBinaries.Locate(context.Variable(DatabaseTarget.BinariesVariable));

    private static Command Subcommand(string name, string description, CliContext context, Func<string, CancellationToken, Task<int>> work)
    {
        var command = new Command(name, description);
        command.SetAction(async (_, cancellationToken) =>
        {
            try
            {
                return await work(DatabaseTarget.ClusterRoot(context), cancellationToken);
            }
            catch (Exception exception)
            {
                return LedgerSession.Report(exception, null, context);
            }
        });
        return command;
    }
}
