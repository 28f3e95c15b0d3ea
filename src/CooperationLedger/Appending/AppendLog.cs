using Microsoft.Extensions.Logging;

namespace CooperationLedger.Appending;

/// <summary>What ingests and appends log.</summary>
internal static partial class AppendLog
{
    /// <summary>The event id of a refused ingest, for a host that reports the refusal's errors itself.</summary>
    public const int RefusedEvent = 2;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} {Documents} documents: {Appended} facts appended, {Present} already present")]
    public static partial void Ingested(ILogger logger, string verb, int documents, int appended, int present);

    [LoggerMessage(EventId = RefusedEvent, Level = LogLevel.Warning, Message = "Refused the ingest: {Errors} errors in {Files} files; nothing was appended")]
    public static partial void Refused(ILogger logger, int errors, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another writer changed document {Document} during attempt {Attempt} ({Reason}); retrying")]
    public static partial void Retry(ILogger logger, string document, int attempt, string reason);
}
