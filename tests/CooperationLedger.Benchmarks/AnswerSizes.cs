namespace CooperationLedger.Benchmarks;

/// <summary>How much the measured answers held, summed over the queries of one size.</summary>
internal sealed class AnswerSizes
{
    public int Donations { get; set; }

    public int Claims { get; set; }

    public int Agreements { get; set; }

    public int WholeTotals { get; set; }
}
