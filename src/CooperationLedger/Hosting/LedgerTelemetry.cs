using System.Diagnostics;
using System.Diagnostics.Metrics;
using CooperationLedger.Diagnostics;

namespace CooperationLedger.Hosting;

/// <summary>
/// The names under which the ledger reports what it does through <see cref="System.Diagnostics"/>: an
/// <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named <see cref="SourceName"/> and versioned with the
/// package, as Marten reports under its own name. Listen with OpenTelemetry's <c>AddSource(LedgerTelemetry.SourceName)</c>
/// and <c>AddMeter(LedgerTelemetry.MeterName)</c>. No tag ever holds a connection string, a password or a fact's content.
/// </summary>
/// <remarks>The ledger starts one span per call of ingest, append, question and rebuild, and one per append batch of
/// <see cref="Ledger.AppendManyAsync"/>; a call that fails ends its span with <see cref="ActivityStatusCode.Error"/>.</remarks>
public static class LedgerTelemetry
{
    /// <summary>The name of the ledger's activity source: <c>CooperationLedger</c>.</summary>
    public const string SourceName = LedgerInstruments.SourceName;

    /// <summary>The name of the ledger's meter: <c>CooperationLedger</c>, as its activity source.</summary>
    public const string MeterName = LedgerInstruments.MeterName;

    /// <summary>The span of <see cref="Ledger.IngestAsync"/>.</summary>
    public const string IngestActivity = LedgerInstruments.IngestActivity;

    /// <summary>The span of <see cref="Ledger.AppendAsync"/>.</summary>
    public const string AppendActivity = LedgerInstruments.AppendActivity;

    /// <summary>The span of <see cref="Ledger.AppendManyAsync"/>.</summary>
    public const string AppendManyActivity = LedgerInstruments.AppendManyActivity;

    /// <summary>The span of one attempt at one transaction of <see cref="Ledger.AppendManyAsync"/>, beneath its span.</summary>
    public const string AppendBatchActivity = LedgerInstruments.AppendBatchActivity;

    /// <summary>The span of a question (donor totals, claims, agreements, timeline, audit, export, verify); <see cref="QueryTag"/> says which.</summary>
    public const string QueryActivity = LedgerInstruments.QueryActivity;

    /// <summary>The span of <see cref="Ledger.RebuildProjectionsAsync(CancellationToken)"/>.</summary>
    public const string RebuildActivity = LedgerInstruments.RebuildActivity;

    /// <summary>The tag of the tenant a call was made for, on spans and measurements; absent for a store without tenancy.</summary>
    public const string TenantTag = LedgerInstruments.TenantTag;

    /// <summary>The tag of the kind of question: <c>donor-totals</c>, <c>claims</c>, <c>agreements</c>, <c>timeline</c>, <c>audit</c>, <c>export</c> or <c>verify</c>.</summary>
    public const string QueryTag = LedgerInstruments.QueryTag;

    /// <summary>The tag of the number of documents an ingest, append or batch took in.</summary>
    public const string DocumentsTag = LedgerInstruments.DocumentsTag;

    /// <summary>The tag of the number of facts a call appended (on a dry run: would append).</summary>
    public const string FactsAppendedTag = LedgerInstruments.FactsAppendedTag;

    /// <summary>The tag of the number of facts a call found already present.</summary>
    public const string FactsPresentTag = LedgerInstruments.FactsPresentTag;

    /// <summary>The tag, on an ingest's span, of whether it was a dry run.</summary>
    public const string DryRunTag = LedgerInstruments.DryRunTag;

    /// <summary>The counter of facts appended to the ledger (dry runs excluded), counted when their transaction commits.</summary>
    public const string FactsAppendedCounter = LedgerInstruments.FactsAppendedCounter;

    /// <summary>The counter of facts an append found already present, identical, and left alone (dry runs excluded).</summary>
    public const string FactsPresentCounter = LedgerInstruments.FactsPresentCounter;

    /// <summary>The counter of facts refused: each fact an error of a refused input names, once (an error of a whole document names none).</summary>
    public const string FactsRefusedCounter = LedgerInstruments.FactsRefusedCounter;

    /// <summary>The counter of documents taken in by appends that committed, whether or not they held new facts (dry runs excluded).</summary>
    public const string DocumentsCounter = LedgerInstruments.DocumentsCounter;
}
