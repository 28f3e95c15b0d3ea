namespace CooperationLedger.Cli;

/// <summary>A usage error found after parsing (a connection string that cannot be read); exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
