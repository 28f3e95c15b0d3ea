namespace CooperationLedger.Cli;

/// <summary>Input that the command understood but cannot act on (an id the ledger does not hold); exit code 1.</summary>
internal sealed class CliInputException(string message) : Exception(message);
