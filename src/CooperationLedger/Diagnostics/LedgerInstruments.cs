using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Diagnostics;

/// <summary>
/// The ledger's span source and meter, and the names of its spans, tags and counters, which
/// <see cref="Hosting.LedgerTelemetry"/> publishes; what starts, tags and ends the spans, and adds to the counters.
/// </summary>
internal static class LedgerInstruments
{
    /// <summary>The name of the ledger's activity source: <c>CooperationLedger</c>.</summary>
    public const string SourceName = "CooperationLedger";

    /// <summary>The name of the ledger's meter: <c>CooperationLedger</c>, as its activity source.</summary>
    public const string MeterName = SourceName;

    /// <summary>The span of <see cref="Ledger.IngestAsync"/>.</summary>
    public const string IngestActivity = "ledger ingest";

    /// <summary>The span of <see cref="Ledger.AppendAsync"/>.</summary>
    public const string AppendActivity = "ledger append";

    /// <summary>The span of <see cref="Ledger.AppendManyAsync"/>.</summary>
    public const string AppendManyActivity = "ledger append-many";

    /// <summary>The span of one attempt at one transaction of <see cref="Ledger.AppendManyAsync"/>, beneath its span.</summary>
    public const string AppendBatchActivity = "ledger append-batch";

    /// <summary>The span of a question (donor totals, claims, agreements, timeline, audit, export, verify); <see cref="QueryTag"/> says which.</summary>
    public const string QueryActivity = "ledger query";

    /// <summary>The span of <see cref="Ledger.RebuildProjectionsAsync(CancellationToken)"/>.</summary>
    public const string RebuildActivity = "ledger rebuild";

    /// <summary>The tag of the tenant a call was made for, on spans and measurements; absent for a store without tenancy.</summary>
    public const string TenantTag = "cooperationledger.tenant";

    /// <summary>The tag of the kind of question: <c>donor-totals</c>, <c>claims</c>, <c>agreements</c>, <c>timeline</c>, <c>audit</c>, <c>export</c> or <c>verify</c>.</summary>
    public const string QueryTag = "cooperationledger.query";

    /// <summary>The tag of the number of documents an ingest, append or batch took in.</summary>
    public const string DocumentsTag = "cooperationledger.documents";

    /// <summary>The tag of the number of facts a call appended (on a dry run: would append).</summary>
    public const string FactsAppendedTag = "cooperationledger.facts_appended";

    /// <summary>The tag of the number of facts a call found already present.</summary>
    public const string FactsPresentTag = "cooperationledger.facts_present";

    /// <summary>The tag, on an ingest's span, of whether it was a dry run.</summary>
    public const string DryRunTag = "cooperationledger.dry_run";

    /// <summary>The counter of facts appended to the ledger (dry runs excluded), counted when their transaction commits.</summary>
    public const string FactsAppendedCounter = "cooperationledger.facts.appended";

    /// <summary>The counter of facts an append found already present, identical, and left alone (dry runs excluded).</summary>
    public const string FactsPresentCounter = "cooperationledger.facts.present";

    /// <summary>The counter of facts refused: each fact an error of a refused input names, once (an error of a whole document names none).</summary>
    public const string FactsRefusedCounter = "cooperationledger.facts.refused";

    /// <summary>The counter of documents taken in by appends that committed, whether or not they held new facts (dry runs excluded).</summary>
    public const string DocumentsCounter = "cooperationledger.documents.ingested";

    private static readonly string Version = typeof(LedgerInstruments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(LedgerInstruments).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public static ActivitySource Source { get; } = new(SourceName, Version);

    public static Meter Meter { get; } = new(MeterName, Version);

    private static readonly Counter<long> FactsAppended = Meter.CreateCounter<long>(FactsAppendedCounter, "{fact}", "Facts appended to the ledger.");

    private static readonly Counter<long> FactsPresent = Meter.CreateCounter<long>(FactsPresentCounter, "{fact}", "Facts found already present and left alone.");

    private static readonly Counter<long> FactsRefused = Meter.CreateCounter<long>(FactsRefusedCounter, "{fact}", "Facts named by the errors of refused input.");

    private static readonly Counter<long> Documents = Meter.CreateCounter<long>(DocumentsCounter, "{document}", "Documents taken in by appends that committed.");

    /// <summary>Starts a span tagged with the tenant, when anyone listens.</summary>
    public static Activity? Start(string name, string? tenant, string? query = null)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(TenantTag, tenant);
            activity.SetTag(QueryTag, query);
        }

        return activity;
    }

    /// <summary>Counts what committed appends did, and tags the span of the call with it.</summary>
    public static void Appended(IReadOnlyCollection<DocumentIngested> documents, string? tenant)
    {
        var tag = new KeyValuePair<string, object?>(TenantTag, tenant);
        Documents.Add(documents.Count, tag);
        FactsAppended.Add(documents.Sum(document => document.FactsAppended), tag);
        FactsPresent.Add(documents.Sum(document => document.FactsAlreadyPresent), tag);
    }

    /// <summary>Tags a span with what an ingest, append or batch did.</summary>
    public static void Tag(Activity? activity, IReadOnlyCollection<DocumentIngested> documents)
    {
        activity?.SetTag(DocumentsTag, documents.Count);
        activity?.SetTag(FactsAppendedTag, documents.Sum(document => document.FactsAppended));
        activity?.SetTag(FactsPresentTag, documents.Sum(document => document.FactsAlreadyPresent));
    }

    /// <summary>Counts the facts a refused input names, once each.</summary>
    public static void Refused(FactFileException refused, string? tenant) =>
        FactsRefused.Add(refused.Errors.Where(error => error.Fact is not null).Select(error => (error.File, error.Fact)).Distinct().Count(), new KeyValuePair<string, object?>(TenantTag, tenant));

    /// <summary>
    /// Ends a span as failed, with the type of the exception the caller is given (never its message, which may quote a
    /// statement or a fact), or <paramref name="errorType"/> for a failure that is the ledger's own and reaches no caller.
    /// </summary>
    public static void Failed(Activity? activity, Exception exception, string? errorType = null)
    {
        if (activity is not null)
        {
            var type = errorType ?? exception.GetType().FullName;
            activity.SetStatus(ActivityStatusCode.Error, exception is OperationCanceledException ? "cancelled" : type);
            activity.SetTag("error.type", type);
        }
    }
}
