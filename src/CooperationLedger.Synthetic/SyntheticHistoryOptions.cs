namespace CooperationLedger.Synthetic;

/// <summary>What synthetic history to generate: how many facts, from which seed, in documents of what size.</summary>
/// <param name="Facts">How many events in all (facts and revisions).</param>
/// <param name="Seed">The seed: the same seed and size give the same history, event for event.</param>
/// <param name="FactsPerDocument">How many events each document holds.</param>
public sealed record SyntheticHistoryOptions(int Facts, int Seed = 42, int FactsPerDocument = 20)
{
    /// <summary>Gets the share of events that correct or retract an earlier fact (2%).</summary>
    public double RevisionShare { get; init; } = 0.02;

    /// <summary>Gets the share of events that are a second claim on an earlier claim's matter with another figure (1%).</summary>
    public double ConflictShare { get; init; } = 0.01;

    /// <summary>Gets the share of events that are a second claim on an earlier claim's matter with the same figure, from another document (0.5%).</summary>
    public double CorroborationShare { get; init; } = 0.005;
}
