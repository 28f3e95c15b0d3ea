namespace CooperationLedger.Facts;

/// <summary>How one fact stands to another it names: kept apart from a matter, which only marks competing figures.</summary>
public enum LinkKind
{
    /// <summary>Made under the other fact, an agreement or programme ("as part of the deal").</summary>
    Under,

    /// <summary>Delivers what the other fact, a pledge or commitment, promised.</summary>
    Realises,

    /// <summary>A detail of the other fact, an umbrella statement ("several agreements were signed"), which is then never counted itself.</summary>
    PartOf,

    /// <summary>Another source's report of the same fact: it corroborates the other, and is never counted again.</summary>
    SameAs,

    /// <summary>States a figure that cannot be true together with the other's, though they measure different things.</summary>
    ConflictsWith,

    /// <summary>Ends the other fact, an agreement or structure: abolished, closed, terminated; after its date it is no longer in place.</summary>
    Ends,
}
