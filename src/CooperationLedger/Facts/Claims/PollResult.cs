namespace CooperationLedger.Facts;

/// <summary>One answer's share in a poll: "91% for priority to Russia".</summary>
/// <param name="Option">The answer.</param>
/// <param name="Percent">The share of respondents, 0 to 100.</param>
public sealed record PollResult(string Option, decimal Percent);
