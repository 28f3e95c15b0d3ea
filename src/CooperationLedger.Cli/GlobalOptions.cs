using System.CommandLine;

namespace CooperationLedger.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "An Npgsql connection string of the database to use (else COOPERATIONLEDGER_CONNECTION, else the embedded cluster). Never printed.",
        Recursive = true,
        HelpName = "connection-string",
    };

    public static readonly Option<string?> Tenant = new("--tenant")
    {
        Description = "Work in this tenant's ledger of a multi-tenanted schema (every tenant's facts kept apart); use a schema of its own for tenancy.",
        Recursive = true,
        HelpName = "id",
    };

    public static readonly Option<string?> Schema = new("--schema")
    {
        Description = "The PostgreSQL schema of the ledger (default: cooperation_ledger).",
        Recursive = true,
        HelpName = "name",
    };
}
