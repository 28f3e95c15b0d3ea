using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>
/// What every kind of reported fact has besides its own fields, declared once: its typed links to other facts and,
/// for a promise or expectation, when it is due. Both are left out of the stored event when absent, so that facts
/// written before they existed keep their form and fingerprint.
/// </summary>
public abstract record ReportedFact
{
    /// <summary>Gets the fact's typed links to other facts (see <see cref="FactLink"/>); <see langword="null"/> when it has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FactLink>? Links { get; init; }

    /// <summary>Gets when a promised or expected fact is due, as the source states it (the announcement is its effective date); <see langword="null"/> when none is stated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportedDate? Expected { get; init; }
}
