namespace CooperationLedger.Cli;

/// <summary>What <c>ledger</c> exits with.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Invalid input: a fact file refused, an unknown id, a quote that no longer checks out.</summary>
    public const int InvalidInput = 1;

    /// <summary>A usage error: an unknown command or option, a missing or malformed argument.</summary>
    public const int Usage = 2;

    /// <summary>The database is unavailable: no server programs for the embedded cluster, or a server that does not answer.</summary>
    public const int DatabaseUnavailable = 3;

    /// <summary>Cancelled (Ctrl-C): 128 plus SIGINT's number, as shells report a command that an interrupt ended.</summary>
    public const int Cancelled = 130;
}
