namespace CooperationLedger.Cli;

/// <summary>How every option that takes an actor (<c>--donor</c>, <c>--party</c>, <c>--actor</c>, ...) says what it accepts.</summary>
internal static class ActorNames
{
    /// <summary>What an actor option accepts, for its help: the ledger resolves actors one way in every question.</summary>
    public const string Accepted = "a key, name, alias or ISO country code (kg-gknb, GKNB, Kyrgyzstan, KG); a country includes its agencies and people";
}
