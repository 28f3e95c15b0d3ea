namespace CooperationLedger.Answers;

/// <summary>A stored fact whose quote is not found in its stored article, or whose document's text has changed.</summary>
/// <param name="FactId">The fact's id.</param>
/// <param name="Key">Its key.</param>
/// <param name="Problem">What is wrong, in a sentence.</param>
public sealed record QuoteProblem(Guid FactId, string Key, string Problem);
