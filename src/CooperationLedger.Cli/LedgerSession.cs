using System.Net.Sockets;
using CooperationLedger.Answers;
using CooperationLedger.Cli.Database;
using CooperationLedger.Facts;
using CooperationLedger.LocalCluster;
using CooperationLedger.Storage;
using JasperFx;
using Npgsql;

namespace CooperationLedger.Cli;

/// <summary>
/// Runs one command's work against the ledger and turns every failure into its exit code and a plain message on the
/// error stream: refused input 1, usage 2, database unavailable 3, cancelled 130. No message ever holds the
/// connection's password. A command that only reads never changes the database: its store creates and alters nothing
/// (<see cref="AutoCreate.None"/>), and a ledger that has no tables yet answers as empty.
/// </summary>
internal static class LedgerSession
{
    public static async Task<int> RunAsync(System.CommandLine.ParseResult parse, CliContext context, Func<Ledger, CancellationToken, Task<int>> work, CancellationToken cancellationToken, bool writes = false)
    {
        DatabaseTarget? target = null;
        try
        {
            target = await DatabaseTarget.ResolveAsync(parse.GetValue(GlobalOptions.Connection), context, cancellationToken).ConfigureAwait(false);
            var tenant = parse.GetValue(GlobalOptions.Tenant);
            var settings = new LedgerStoreSettings { MultiTenant = tenant is not null, AutoCreate = writes ? AutoCreate.CreateOrUpdate : AutoCreate.None, ReadsAbsentTablesAsEmpty = !writes };
            if (parse.GetValue(GlobalOptions.Schema) is { } schema)
            {
                settings = settings with { Schema = schema };
            }

            await using var ledger = Ledger.Connect(target.ConnectionString, settings, logger: new ErrorStreamLogger(context));
            return await work(tenant is null ? ledger : ledger.ForTenant(tenant), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return Report(exception, target, context);
        }
    }

    public static int Report(Exception exception, DatabaseTarget? target, CliContext context)
    {
        string Clean(string text) => Output.TextOutput.Visible(target?.Redact(text) ?? text);
        switch (exception)
        {
            case FactFileException refused:
                foreach (var error in refused.Errors)
                {
                    context.Error.WriteLine(Clean(error.ToString()));
                }

                var files = refused.Errors.Select(error => error.File).Distinct(StringComparer.Ordinal).Count();
                context.Error.WriteLine($"Refused the ingest: {Counted(refused.Errors.Count, "error")} in {Counted(files, "file")}; nothing was appended.");
                return ExitCodes.InvalidInput;
            case CliInputException input:
                context.Error.WriteLine(Clean(input.Message));
                return ExitCodes.InvalidInput;
            case CliUsageException usage:
                context.Error.WriteLine(usage.Message);
                return ExitCodes.Usage;
            case ArgumentException argument when argument.ParamName is "Schema" or "tenantId" or "Donor" or "Recipient" or "Claimant" or "Subject" or "party" or "otherParty" or "actor" or "otherActor":
                context.Error.WriteLine(argument.Message.Split(" (Parameter", 2)[0]);
                return ExitCodes.Usage;
            case LedgerSchemaException schema:
                context.Error.WriteLine(schema.Message);
                return ExitCodes.Usage;
            case InvalidOperationException invalid when invalid.Source == typeof(Ledger).Assembly.GetName().Name:
                // The ledger's own refusals (tables to rebuild, a register of actors an earlier version wrote) say what
                // to do in words; their type is no one's business.
                context.Error.WriteLine(Clean(invalid.Message));
                return ExitCodes.InvalidInput;
            case PostgresUnavailableException unavailable:
                context.Error.WriteLine(Clean(unavailable.Message));
                context.Error.WriteLine($"Or point the ledger at a running server with --connection or {DatabaseTarget.ConnectionVariable}.");
                return ExitCodes.DatabaseUnavailable;
            case LedgerUnavailableException unavailable:
                // The ledger retried, and logged each retry; its message names the database, without the password.
                context.Error.WriteLine(Clean(unavailable.Message));
                return ExitCodes.DatabaseUnavailable;
            case var _ when IsUnavailable(exception):
                context.Error.WriteLine(Clean($"The database is unavailable: {target?.Description ?? "(not resolved)"}: {Innermost(exception).Message}"));
                return ExitCodes.DatabaseUnavailable;
            case OperationCanceledException:
                context.Error.WriteLine("Cancelled: what was written before is whole, and nothing half-written was kept.");
                return ExitCodes.Cancelled;
            case var _ when Denied(exception) is { } denied:
                context.Error.WriteLine(Clean($"The database refused: {denied.MessageText} ({target?.Description ?? "(not resolved)"}). To read the ledger its user needs USAGE on the ledger's schema and SELECT on its tables; to set it up, the CREATE privilege on the database."));
                return ExitCodes.DatabaseUnavailable;
            case var _ when Refusal(exception) is { } refusal:
                // Marten's messages quote the statements they ran (a schema change is pages of DDL): the server's own sentence says it.
                context.Error.WriteLine(Clean($"The database refused a statement: {refusal.MessageText} (SQLSTATE {refusal.SqlState}; {target?.Description ?? "(not resolved)"})."));
                return ExitCodes.InvalidInput;
            case IOException or UnauthorizedAccessException when exception.StackTrace?.Contains("System.Console", StringComparison.Ordinal) == true:
                // A closed or unwritable standard output (ledger donors >&-): nothing can take the answer.
                context.Error.WriteLine(ClosedOutput);
                return ExitCodes.InvalidInput;
            default:
                // The type of an exception is no reader's business: its message says what failed.
                context.Error.WriteLine(Clean($"Failed: {exception.Message}"));
                return ExitCodes.InvalidInput;
        }
    }

    /// <summary>Gets what is said when standard output is closed or cannot be written.</summary>
    public const string ClosedOutput = "Could not write to standard output: it is closed or cannot be written. Give the output somewhere to go (a terminal, a file or a pipe).";

    private static string Counted(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count:N0} {noun}s";

    /// <summary>The server's refusal of a privilege (SQLSTATE 42501), wherever Marten wrapped it.</summary>
    private static PostgresException? Denied(Exception exception) =>
        Refusal(exception) is { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied ? denied : null;

    /// <summary>The error the server reported for a statement, wherever Marten wrapped it.</summary>
    private static PostgresException? Refusal(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }

    /// <summary>A connection that could not be made or was lost, as opposed to an error the server reported for a statement.</summary>
    private static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                // Server-side: refused login, database missing, shutting down.
                return postgres.SqlState is "57P01" or "57P02" or "57P03" or "3D000" or "28000" or "28P01" or "08006" or "08001";
            }

            if (current is NpgsqlException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null && current is not NpgsqlException)
        {
            current = current.InnerException;
        }

        return current;
    }
}
