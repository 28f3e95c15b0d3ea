namespace CooperationLedger.Facts;

/// <summary>Receives a kind with its record as a type argument (see <see cref="FactKind.Accept"/>).</summary>
internal interface IFactKindVisitor
{
    /// <summary>Called with the kind visited.</summary>
    /// <typeparam name="TFact">The kind's record.</typeparam>
    /// <param name="kind">The kind.</param>
    void Visit<TFact>(FactKind<TFact> kind)
        where TFact : class, IReportedFact;
}
