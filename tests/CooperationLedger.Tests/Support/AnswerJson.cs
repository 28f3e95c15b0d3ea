using CooperationLedger.Reading;

namespace CooperationLedger.Tests.Support;

/// <summary>Writes an answer as JSON, as fact fingerprints do, so that two answers compare whole, sources included.</summary>
public static class AnswerJson
{
    public static string Of(object answer) => System.Text.Json.JsonSerializer.Serialize(answer, answer.GetType(), FactFingerprint.Json);
}
