namespace CooperationLedger.Facts;

/// <summary>
/// A kind of reported fact, declared once beside its record: its stable name, how a fact file states it, what it says
/// in one line, the figure sources compare, the actors it involves, the views it feeds and how synthetic history draws
/// one. Everything that handles facts of every kind walks <see cref="FactCatalog"/> instead of switching on types.
/// </summary>
internal abstract class FactKind
{
    private protected FactKind(string name, Type type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>Gets the kind's stable name: the <c>type</c> in fact files and the event type stored in the database.</summary>
    public string Name { get; }

    /// <summary>Gets the record the kind's facts are.</summary>
    public Type Type { get; }

    /// <summary>Gets the stage a fact file may leave out for this kind; <see langword="null"/> when it must say.</summary>
    public Stage? DefaultStage { get; init; }

    /// <summary>
    /// Gets the fields of one fact of this kind as a fact file writes them, without <c>key</c>, <c>type</c> and
    /// <c>citation</c>, naming the actors <see cref="FactCatalog.ExampleActors"/> declares. The catalog's test reads it.
    /// </summary>
    public required string Example { get; init; }

    /// <summary>Gets how often synthetic history draws this kind, relative to the other kinds; 0 for never.</summary>
    public double SampleWeight { get; init; }

    /// <summary>Tells whether facts of this kind are kept by a view (every kind feeds the timeline).</summary>
    public abstract bool Feeds(FactView view);

    /// <summary>Reads the kind's own fields; the header holds what every fact has.</summary>
    public abstract IReportedFact? Read(IFactReading reading, FactHeader header);

    /// <summary>Says in one line what the fact reports, for timelines and exports.</summary>
    public abstract string SummaryOf(IReportedFact fact);

    /// <summary>Gets the figure the fact asserts (see <see cref="FactSignature"/>), or <see langword="null"/> when it has none.</summary>
    public abstract string? SignatureOf(IReportedFact fact);

    /// <summary>
    /// Gets what the fact's figure is compared by: the scale two figures must share to be compared (a metric in one
    /// unit, a currency), and the figure in it. By default the scale is the kind and the figure its signature.
    /// </summary>
    public abstract (string Scale, string Figure)? ComparisonOf(IReportedFact fact);

    /// <summary>Gets the actors the fact names, in its order, possibly with repeats and absent ones.</summary>
    public abstract IEnumerable<Actor?> ActorsOf(IReportedFact fact);

    /// <summary>Gets what the donations view keeps of the fact, or <see langword="null"/> when the kind does not feed it.</summary>
    public abstract DonationParts? DonationOf(IReportedFact fact);

    /// <summary>Gets what the claimed-statistics view keeps of the fact, or <see langword="null"/>.</summary>
    public abstract StatisticParts? StatisticOf(IReportedFact fact);

    /// <summary>Gets what the agreements view keeps of the fact, or <see langword="null"/>.</summary>
    public abstract AgreementParts? AgreementOf(IReportedFact fact);

    /// <summary>Draws a fact of this kind and the sentence that reports it, or <see langword="null"/> when the kind is never drawn.</summary>
    public abstract FactSample? Sample(FactSampler sampler);

    /// <summary>Calls back with the kind's record type, for APIs that take it as a type argument (Marten's projections).</summary>
    public abstract void Accept(IFactKindVisitor visitor);
}

/// <summary>The descriptor of one kind of fact, <typeparamref name="TFact"/>; see <see cref="FactKind"/>.</summary>
/// <typeparam name="TFact">The kind's record.</typeparam>
internal sealed class FactKind<TFact> : FactKind
    where TFact : class, IReportedFact
{
    private readonly Func<IFactReading, FactHeader, TFact?> read;

    /// <summary>Declares a kind.</summary>
    /// <param name="name">The stable name; never change it once facts are stored under it.</param>
    /// <param name="read">Reads the kind's own fields from a fact file, recording every error on its field.</param>
    public FactKind(string name, Func<IFactReading, FactHeader, TFact?> read)
        : base(name, typeof(TFact)) => this.read = read;

    /// <summary>Gets the fact's one-line summary.</summary>
    public required Func<TFact, string> Summary { get; init; }

    /// <summary>Gets the actors the fact names; the citation's speaker is added by <see cref="FactActors"/>.</summary>
    public required Func<TFact, IEnumerable<Actor?>> Actors { get; init; }

    /// <summary>Gets the figure the fact asserts; unset for kinds with none (they never dispute).</summary>
    public Func<TFact, string?>? Signature { get; init; }

    /// <summary>Gets what the figure is compared by, when the signature alone would compare spellings (see <see cref="FactKind.ComparisonOf"/>).</summary>
    public Func<TFact, (string Scale, string Figure)?>? Compared { get; init; }

    /// <summary>Gets the parts the donations view keeps; unset for kinds it does not keep.</summary>
    public Func<TFact, DonationParts>? Donation { get; init; }

    /// <summary>Gets the parts the claimed-statistics view keeps; unset for kinds it does not keep.</summary>
    public Func<TFact, StatisticParts>? Statistic { get; init; }

    /// <summary>Gets the parts the agreements view keeps; unset for kinds it does not keep.</summary>
    public Func<TFact, AgreementParts>? Agreement { get; init; }

    /// <summary>Gets how synthetic history draws a fact of the kind; unset for kinds it never draws.</summary>
    public Func<FactSampler, FactSample>? Sampler { get; init; }

    public override bool Feeds(FactView view) => view switch
    {
        FactView.Timeline => true,
        FactView.Donations => Donation is not null,
        FactView.Claims => Statistic is not null,
        FactView.Agreements => Agreement is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "not a view."),
    };

    public override IReportedFact? Read(IFactReading reading, FactHeader header) => read(reading, header);

    public override string SummaryOf(IReportedFact fact) => Summary(Cast(fact));

    public override string? SignatureOf(IReportedFact fact) => Signature?.Invoke(Cast(fact));

    public override (string Scale, string Figure)? ComparisonOf(IReportedFact fact) =>
        Compared is not null ? Compared(Cast(fact)) : SignatureOf(fact) is { } signature ? (Name, signature) : null;

    public override IEnumerable<Actor?> ActorsOf(IReportedFact fact) => Actors(Cast(fact));

    public override DonationParts? DonationOf(IReportedFact fact) => Donation?.Invoke(Cast(fact));

    public override StatisticParts? StatisticOf(IReportedFact fact) => Statistic?.Invoke(Cast(fact));

    public override AgreementParts? AgreementOf(IReportedFact fact) => Agreement?.Invoke(Cast(fact));

    public override FactSample? Sample(FactSampler sampler) => Sampler?.Invoke(sampler);

    public override void Accept(IFactKindVisitor visitor) => visitor.Visit(this);

    private TFact Cast(IReportedFact fact) =>
        fact as TFact ?? throw new ArgumentException($"{fact.GetType().Name} is not a {Name} fact.", nameof(fact));
}
