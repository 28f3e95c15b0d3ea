namespace CooperationLedger.Answers;

/// <summary>How far an ingest has got, reported after each document.</summary>
/// <param name="Done">Documents finished.</param>
/// <param name="Total">Documents in the ingest.</param>
/// <param name="Current">The fact file just finished.</param>
public sealed record IngestProgress(int Done, int Total, string Current);
