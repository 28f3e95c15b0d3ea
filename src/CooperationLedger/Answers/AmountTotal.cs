namespace CooperationLedger.Answers;

/// <summary>
/// A sum of amounts in one currency, with exact amounts and hedged ones ("around", "at least", the low end of a range)
/// kept apart, never mixed.
/// </summary>
/// <param name="Exact">The sum of amounts stated exactly.</param>
/// <param name="Approximate">The sum of hedged amounts (their stated figure, or the low end of a range).</param>
public sealed record AmountTotal(decimal Exact, decimal Approximate)
{
    /// <summary>Gets the empty total.</summary>
    public static AmountTotal Zero { get; } = new(0m, 0m);

    /// <summary>Gets a value indicating whether nothing was summed.</summary>
    public bool IsZero => Exact == 0m && Approximate == 0m;
}
