namespace CooperationLedger.Benchmarks;

/// <summary>Latencies of repeated runs of one query, in milliseconds, with their median and 95th percentile.</summary>
internal sealed class Latencies
{
    private readonly List<double> samples = [];

    public int Count => samples.Count;

    public double Median => Percentile(0.5);

    public double P95 => Percentile(0.95);

    public void Add(TimeSpan elapsed) => samples.Add(elapsed.TotalMilliseconds);

    private double Percentile(double share)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
    }
}
