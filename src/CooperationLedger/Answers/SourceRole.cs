namespace CooperationLedger.Answers;

/// <summary>What a cited source contributes to a figure.</summary>
public enum SourceRole
{
    /// <summary>The source reports the fact itself.</summary>
    Fact,

    /// <summary>The source corrects the fact.</summary>
    Correction,

    /// <summary>The source retracts the fact.</summary>
    Retraction,
}
