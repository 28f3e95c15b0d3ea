namespace CooperationLedger.Facts;

/// <summary>An equivalent in another currency that a source itself states for an amount, shown beside the total, never summed.</summary>
/// <param name="FactId">The fact whose amount it is.</param>
/// <param name="Amount">The amount as stated ("21m KGS").</param>
/// <param name="Equivalent">The equivalent as printed ("US $450,000").</param>
public sealed record StatedEquivalent(Guid FactId, MoneyAmount Amount, MoneyAmount Equivalent);
