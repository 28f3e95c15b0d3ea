namespace CooperationLedger.Facts;

/// <summary>
/// Whose voice a fact is in. A fact asserted by a party with an interest in it is a claim, never independent reporting.
/// </summary>
public enum Stance
{
    /// <summary>The document reports the fact in its own voice.</summary>
    Source,

    /// <summary>A party to the matter claims it (an official on his own agency's results): a claim.</summary>
    Party,

    /// <summary>A person or body with no stake in the matter states it.</summary>
    Independent,

    /// <summary>The document does not say who stands behind it.</summary>
    Unknown,
}
