using System.CommandLine;

var root = new RootCommand("ledger: an auditable ledger of reported security cooperation, on PostgreSQL.");
return await root.Parse(args).InvokeAsync();
