namespace CooperationLedger.Facts;

/// <summary>One thing a document reports: an agreement, a donation, a claimed statistic, a meeting, and so on.</summary>
public interface IReportedFact : ILedgerEvent
{
    /// <summary>Gets when the thing happened or applies: the effective axis.</summary>
    ReportedDate Effective { get; }

    /// <summary>Gets how far along the thing is: reported, pledged, committed or realised.</summary>
    Stage Stage { get; }

    /// <summary>
    /// Gets the key of the matter the fact is about, shared by every fact about the same thing from any source; facts
    /// about one matter that agree corroborate each other, and facts that disagree are shown as disputed, side by side.
    /// </summary>
    string? Matter { get; }

    /// <summary>Gets the fact's typed links to other facts; <see langword="null"/> when it has none.</summary>
    IReadOnlyList<FactLink>? Links { get; }

    /// <summary>Gets when a promised or expected fact is due; its <see cref="Effective"/> date is when it was announced.</summary>
    ReportedDate? Expected { get; }
}
