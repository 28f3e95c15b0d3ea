namespace CooperationLedger.Answers;

/// <summary>How another fact on the same matter stands to the fact audited (see <see cref="RelatedFact"/>).</summary>
public enum Relation
{
    /// <summary>Another document states the same figure: an independent report of it.</summary>
    Corroborates,

    /// <summary>It states another figure for the same matter: the two stand side by side as disputed.</summary>
    Disputes,

    /// <summary>
    /// It is on the same matter with nothing to compare (one of the two states no figure), or it is from the same
    /// document: related, never counted as corroboration.
    /// </summary>
    SameMatter,
}
