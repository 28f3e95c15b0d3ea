using System.Collections.Frozen;

namespace CooperationLedger.Facts;

/// <summary>
/// Every kind of fact the ledger keeps, and the stable names of all its events. A kind is declared once, beside its
/// record (<see cref="FactKind{TFact}"/>), and listed here in one line; storage, JSON, fact files, views, summaries and
/// synthetic history all walk this list. Names are stored in the database and written in fact files, so renaming a
/// class never orphans history: only this catalog maps names to classes.
/// </summary>
internal static class FactCatalog
{
    /// <summary>Gets the kinds of reported fact.</summary>
    public static readonly IReadOnlyList<FactKind> Kinds =
    [
        AgreementSigned.Descriptor,
        EquipmentDonated.Descriptor,
        GrantProvided.Descriptor,
        TrainingProvided.Descriptor,
        StatisticClaimed.Descriptor,
        OperationResultsClaimed.Descriptor,
        AwardConferred.Descriptor,
        MeetingHeld.Descriptor,
        StructureEstablished.Descriptor,
        StructureClosed.Descriptor,
        ExerciseHeld.Descriptor,
        PollPublished.Descriptor,
        CommitmentMade.Descriptor,
        OtherFactReported.Descriptor,
    ];

    /// <summary>Gets the name of a correction in fact files and the database.</summary>
    public const string Correction = "fact_corrected";

    /// <summary>Gets the name of a retraction in fact files and the database.</summary>
    public const string Retraction = "fact_retracted";

    /// <summary>Gets every event type with its stable name: the kinds of fact, then the revisions.</summary>
    public static readonly IReadOnlyList<(Type Type, string Name)> Events =
    [
        .. Kinds.Select(kind => (kind.Type, kind.Name)),
        (typeof(FactCorrected), Correction),
        (typeof(FactRetracted), Retraction),
    ];

    /// <summary>
    /// Gets the actors every kind's <see cref="FactKind.Example"/> may name, as a fact file's <c>actors</c> section
    /// declares them: <c>kg</c> and <c>cn</c> (countries), <c>kg-dca</c> (an agency), <c>unodc</c> (an organisation)
    /// and <c>nogoybayev</c> (a person).
    /// </summary>
    public const string ExampleActors = """
        kg: { kind: country, name: Kyrgyzstan, country: KG }
        cn: { kind: country, name: China, country: CN }
        kg-dca: { kind: agency, name: Drug Control Agency, country: KG }
        unodc: { kind: international_organisation, name: United Nations Office on Drugs and Crime, aliases: [UNODC] }
        nogoybayev: { kind: person, name: Bolotbek Nogoybayev, country: KG, role: director, memberOf: kg-dca }
        """;

    private static readonly FrozenDictionary<Type, string> NameByType = Events.ToFrozenDictionary(entry => entry.Type, entry => entry.Name);

    private static readonly FrozenDictionary<Type, FactKind> KindByType = Kinds.ToFrozenDictionary(kind => kind.Type);

    private static readonly FrozenDictionary<string, FactKind> KindByName = Kinds.ToFrozenDictionary(kind => kind.Name, StringComparer.Ordinal);

    /// <summary>Gets the stable name of an event type.</summary>
    public static string NameOf(Type type) =>
        NameByType.TryGetValue(type, out var name) ? name : throw new ArgumentException($"{type.Name} is not a ledger event.", nameof(type));

    /// <summary>Gets the stable name of an event's type.</summary>
    public static string NameOf(ILedgerEvent e) => NameOf(e.GetType());

    /// <summary>Gets the kind of a reported fact.</summary>
    public static FactKind KindOf(IReportedFact fact) =>
        KindByType.TryGetValue(fact.GetType(), out var kind) ? kind : throw new ArgumentException($"{fact.GetType().Name} is not a known fact type.", nameof(fact));

    /// <summary>Finds a kind by its stable name.</summary>
    public static FactKind? Find(string name) => KindByName.GetValueOrDefault(name);

    /// <summary>Gets the kinds a view keeps.</summary>
    public static IEnumerable<FactKind> Feeding(FactView view) => Kinds.Where(kind => kind.Feeds(view));
}
