namespace CooperationLedger.Facts;

/// <summary>What kind of party an actor is.</summary>
public enum ActorKind
{
    /// <summary>A state, named by its ISO 3166 code (China: <c>CN</c>).</summary>
    Country,

    /// <summary>An agency, ministry or other state body, belonging to a country (the Kyrgyz GKNB).</summary>
    Agency,

    /// <summary>An international organisation or one of its bodies (IOM, the SCO and its RATS, the CIS).</summary>
    InternationalOrganisation,

    /// <summary>Any other organisation: a think tank, a company, a pollster, an armed or extremist group.</summary>
    Organisation,

    /// <summary>A person, with the role held at the date of the fact.</summary>
    Person,
}
