namespace CooperationLedger.Facts;

/// <summary>What a claimed statistic's number measures, or that the claim has none.</summary>
public enum StatisticKind
{
    /// <summary>A level for the period ("2 tonnes seized").</summary>
    Level,

    /// <summary>A change in percent against the baseline period ("39.5% more").</summary>
    PercentChange,

    /// <summary>A change in the unit against the baseline period ("200 kg more").</summary>
    AbsoluteChange,

    /// <summary>A multiple of the baseline, as printed ("twice as many" is 2, "halved" is 0.5); never converted to a percent.</summary>
    Ratio,

    /// <summary>A claim with no number ("a sharp rise", "the best in the region"), kept in its words, with its direction if it gives one.</summary>
    Qualitative,
}
