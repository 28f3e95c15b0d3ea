using System.Globalization;

namespace CooperationLedger.Benchmarks;

/// <summary>
/// Latencies of the as-of queries at one size, in milliseconds, and of the naive replay; with the mean size of each
/// answer (donations summed, claims, agreements, whole-ledger totals). The <c>Same</c> medians are of the questions whose
/// points were recorded by the time the first size was reached: the same answers at every size, whose number of items
/// (donations summed, claims and agreements, over all the questions) is <c>SameAnswerItems</c>. Beside the whole-ledger
/// totals, <c>WholeSqlMedian</c> is a hand-written SQL grouping of the same donation rows of the read table at the same points (the peer
/// the ledger's whole-ledger answers are measured against), and <c>SummaryMedian</c> the report's summary there;
/// <c>WholePeakBytes</c> and <c>SummaryPeakBytes</c> are the process's peak working set while the whole-ledger totals
/// (with their SQL peer) and the summaries ran, each sampled apart, and <c>DuckMedian</c> the second peer: the same rows
/// exported as CSV and grouped in an in-memory DuckDB. <c>WholeClaimsMedian</c> is the whole-ledger claims listing and
/// <c>WholeClaimsSqlMedian</c> its peer, a hand-written read of the same claim rows in the same order, with
/// <c>WholeClaimsPeakBytes</c> the peak working set while they ran, sampled apart too.
/// </summary>
internal sealed record QueryResults(
    double DonorsMedian,
    double DonorsP95,
    double ClaimsMedian,
    double ClaimsP95,
    double AgreementsMedian,
    double AgreementsP95,
    double WholeTotalsMedian,
    double NaiveMedian,
    int NaiveRuns,
    double DonationsPerAnswer,
    double ClaimsPerAnswer,
    double AgreementsPerAnswer,
    double TotalsPerWholeAnswer,
    double SameDonorsMedian,
    double SameClaimsMedian,
    double SameAgreementsMedian,
    int SameAnswerItems,
    double WholeSqlMedian = double.NaN,
    double SummaryMedian = double.NaN,
    long WholePeakBytes = 0,
    double DuckMedian = double.NaN,
    long SummaryPeakBytes = 0,
    double WholeSourcesMedian = double.NaN,
    double SourcesPerWholeAnswer = double.NaN,
    double WholeClaimsMedian = double.NaN,
    double WholeClaimsSqlMedian = double.NaN,
    double ClaimsPerWholeAnswer = double.NaN,
    long WholeClaimsPeakBytes = 0);

/// <summary>Everything one run measured, printed as a Markdown table and written as JSON.</summary>
internal sealed class Results(IReadOnlyList<int> sizes)
{
    public IReadOnlyList<int> Sizes { get; } = sizes;

    public double GenerationPerSecond { get; set; }

    public double CopyPerSecond { get; set; }

    public double CopyKeptPerSecond { get; set; }

    public double CopyProjectionsPerSecond { get; set; }

    public int KeptSample { get; set; }

    /// <summary>Gets or sets how long the sample's events and all the ledger keeps for them took to write into the ledger's tables, indexes current.</summary>
    public double KeptWriteSeconds { get; set; }

    /// <summary>Gets the rate of writing the events and all the ledger keeps for them: the most an ingest can reach.</summary>
    public double KeptLimitPerSecond => KeptSample / KeptWriteSeconds;

    /// <summary>Gets or sets how long the sample's read rows took to write into the read tables, indexes aside.</summary>
    public double EntryWriteSeconds { get; set; }

    /// <summary>Gets or sets how long the read tables' secondary indexes then took to build.</summary>
    public double EntryIndexSeconds { get; set; }

    /// <summary>Gets the rate of writing the read rows and building their indexes: the most a rebuild can reach.</summary>
    public double EntryLimitPerSecond => KeptSample / (EntryWriteSeconds + EntryIndexSeconds);

    public double EventBytesPerEvent { get; set; }

    public double KeptBytesPerEvent { get; set; }

    public double ApiPerSecond { get; set; }

    public double MartenBulkPerSecond { get; set; }

    public double RebuildPerSecond { get; set; }

    public long IngestPeakBytes { get; set; }

    public Dictionary<int, QueryResults> Queries { get; } = [];

    public void Print(TextWriter output)
    {
        string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine();
        output.WriteLine($"| measurement | result | target |");
        output.WriteLine($"| --- | --- | --- |");
        output.WriteLine($"| generating the history alone | {N(GenerationPerSecond)} events/s | |");
        output.WriteLine($"| (1) raw binary COPY into a plain table | {N(CopyPerSecond)} events/s | the physical limit |");
        output.WriteLine($"| (1) what the ledger keeps per event: the event / the rest (fact index, document text, read rows) | {N(EventBytesPerEvent)} / {N(KeptBytesPerEvent)} bytes of JSON | |");
        output.WriteLine($"| (1) raw binary COPY of the events and all the ledger keeps for them, no index (first {N(KeptSample)} facts) | {N(CopyKeptPerSecond)} events/s = {CopyKeptPerSecond / CopyPerSecond:P1} of (1) | the limit of (2) for this data model |");
        output.WriteLine($"| (1) raw binary COPY of the read rows alone, as JSON, no index (first {N(KeptSample)} facts) | {N(CopyProjectionsPerSecond)} events/s | the limit of (5) for this data model |");
        output.WriteLine($"| (1) the same events and all the ledger keeps for them, built and folded beforehand, written by Marten's bulk paths into the ledger's tables with their indexes current | {KeptWriteSeconds:0.0} s = {N(KeptLimitPerSecond)} events/s = {KeptLimitPerSecond / CopyPerSecond:P1} of (1) | the limit of (2) with what it must serialize and index |");
        output.WriteLine($"| (1) the same read rows, built beforehand, written by COPY into the read tables with their indexes set aside, then the indexes built | {EntryWriteSeconds:0.0} s + {EntryIndexSeconds:0.0} s = {N(EntryLimitPerSecond)} events/s | the limit of (5) with what it must serialize and index |");
        output.WriteLine($"| (2) ingest through the public API, projections current | {N(ApiPerSecond)} events/s = {ApiPerSecond / CopyPerSecond:P1} of (1), {ApiPerSecond / KeptLimitPerSecond:P0} of its limit ({ApiPerSecond / CopyKeptPerSecond:P0} of the raw COPY of what it keeps) | at least 50% of (1) |");
        output.WriteLine($"| (2) beside it: Marten BulkInsertEventsAsync, no projections | {N(MartenBulkPerSecond)} events/s = {MartenBulkPerSecond / CopyPerSecond:P1} of (1) | the anchor |");
        foreach (var size in Sizes)
        {
            var q = Queries[size];
            output.WriteLine($"| (3) as-of at {N(size)}: donor totals / claims / agreements, median (p95) | {Ms(q.DonorsMedian)} ({Ms(q.DonorsP95)}) / {Ms(q.ClaimsMedian)} ({Ms(q.ClaimsP95)}) / {Ms(q.AgreementsMedian)} ({Ms(q.AgreementsP95)}) ms | median at most 5 ms at 1M |");
            output.WriteLine($"| (3) answer sizes at {N(size)}: donations summed / claims / agreements, mean | {q.DonationsPerAnswer:0.0} / {q.ClaimsPerAnswer:0.0} / {q.AgreementsPerAnswer:0.0} | |");
            output.WriteLine($"| (3) the same questions at {N(size)} at points recorded by {N(Sizes[0])} facts (the same {N(q.SameAnswerItems)} items answered at every size), median | {Ms(q.SameDonorsMedian)} / {Ms(q.SameClaimsMedian)} / {Ms(q.SameAgreementsMedian)} ms | |");
            output.WriteLine($"| (3) whole-ledger donor totals at {N(size)} (`ListDonorTotalsAsync`, streamed), median ({q.TotalsPerWholeAnswer:N0} totals per answer) / a hand-written SQL grouping of the same rows at the same points | {Ms(q.WholeTotalsMedian)} / {Ms(q.WholeSqlMedian)} ms = {q.WholeTotalsMedian / q.WholeSqlMedian:0.0} x the SQL | within 2 x at 1M |");
            output.WriteLine($"| (3) whole-ledger claims at {N(size)} (`ListClaimedStatisticsAsync`, streamed), median ({q.ClaimsPerWholeAnswer:N0} claims per answer) / a hand-written SQL read of the same rows in the same order at the same points | {Ms(q.WholeClaimsMedian)} / {Ms(q.WholeClaimsSqlMedian)} ms = {q.WholeClaimsMedian / q.WholeClaimsSqlMedian:0.0} x the SQL | within 2 x at 1M |");
            output.WriteLine($"| (3) their sources at {N(size)}, streamed apart, each fact's once ({q.SourcesPerWholeAnswer:N0} facts per answer), median | {Ms(q.WholeSourcesMedian)} ms | |");
            output.WriteLine($"| (3) beside them at {N(size)}: the same rows exported as CSV and grouped in an in-memory DuckDB, median | {Ms(q.DuckMedian)} ms | the second peer |");
            output.WriteLine($"| (3) the report's summary (`GetSummaryAsync`) at {N(size)}, median at the same points | {Ms(q.SummaryMedian)} ms | under 2 s at 1M |");
            output.WriteLine($"| (6) peak working set at {N(size)} while the whole-ledger totals ran / the claims / the summaries | {q.WholePeakBytes / (1024 * 1024)} / {q.WholeClaimsPeakBytes / (1024 * 1024)} / {q.SummaryPeakBytes / (1024 * 1024)} MB | within 500 MB |");
            output.WriteLine($"| (4) naive replay at {N(size)}: donor totals, median of {q.NaiveRuns} | {Ms(q.NaiveMedian)} ms = {q.NaiveMedian / q.DonorsMedian:N0} x (3) | (3) at least 100 x faster |");
        }

        var first = Queries[Sizes[0]];
        var last = Queries[Sizes[^1]];
        output.WriteLine($"| (3) growth of the medians, {N(Sizes[0])} to {N(Sizes[^1])}: donor totals / claims / agreements | {last.DonorsMedian / first.DonorsMedian:0.0} x / {last.ClaimsMedian / first.ClaimsMedian:0.0} x / {last.AgreementsMedian / first.AgreementsMedian:0.0} x (answers {last.DonationsPerAnswer / first.DonationsPerAnswer:0} x / {last.ClaimsPerAnswer / first.ClaimsPerAnswer:0} x / {last.AgreementsPerAnswer / first.AgreementsPerAnswer:0} x larger) | at most 3 x |");
        output.WriteLine($"| (3) the same with the same answers at every size | {last.SameDonorsMedian / first.SameDonorsMedian:0.0} x / {last.SameClaimsMedian / first.SameClaimsMedian:0.0} x / {last.SameAgreementsMedian / first.SameAgreementsMedian:0.0} x | at most 3 x |");
        output.WriteLine($"| (5) full projection rebuild | {N(RebuildPerSecond)} events/s = {RebuildPerSecond / EntryLimitPerSecond:P0} of its limit ({RebuildPerSecond / CopyProjectionsPerSecond:P0} of the raw COPY of its rows) | at least 20,000 events/s |");
        output.WriteLine($"| (6) peak working set while ingesting {N(Sizes[^1])} facts | {IngestPeakBytes / (1024 * 1024)} MB | within 500 MB |");
    }
}
