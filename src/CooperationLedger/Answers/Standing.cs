namespace CooperationLedger.Answers;

/// <summary>A fact's standing as of a point in time, derived from the revisions and the other sources known by then.</summary>
public enum Standing
{
    /// <summary>Stated, and neither revised nor contradicted.</summary>
    Asserted,

    /// <summary>A correction known by then changes it; the answer shows the corrected values.</summary>
    Corrected,

    /// <summary>Another source on the same matter states a different figure; both are shown, neither chosen.</summary>
    Disputed,

    /// <summary>Withdrawn by a retraction known by then; answers leave it out and audits show it.</summary>
    Retracted,
}
