namespace CooperationLedger.Answers;

/// <summary>
/// Where an agreement stands on the as-of day, with imprecise dates read under the as-of point's rule as every date is:
/// it is in effect from its date until the end of its term, if it has one.
/// </summary>
public enum AgreementState
{
    /// <summary>Agreed (committed or realised), taken effect, and its term not over.</summary>
    InEffect,

    /// <summary>Only announced or planned (pledged): not in effect.</summary>
    Announced,

    /// <summary>Agreed, but its date is after the as-of day.</summary>
    NotYetInEffect,

    /// <summary>Agreed, and its term ended before the as-of day.</summary>
    Expired,

    /// <summary>Ended by a fact that says so (abolished, terminated; a link <see cref="Facts.LinkKind.Ends"/>), dated on or before the day.</summary>
    Ended,
}
