using CooperationLedger.Facts;

namespace CooperationLedger.Answers;

/// <summary>A fact whose date, or whose document's publication date, was inferred rather than printed.</summary>
/// <param name="FactId">The fact's id.</param>
/// <param name="Key">Its key.</param>
/// <param name="Which">Which date: <c>effective</c> or <c>published</c>.</param>
/// <param name="Date">The date as stored, with what it was inferred from.</param>
/// <param name="Inference">What it was inferred from.</param>
public sealed record InferredDate(Guid FactId, string Key, string Which, ReportedDate Date, string Inference);
