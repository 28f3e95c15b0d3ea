namespace CooperationLedger.Facts;

/// <summary>What kind of encounter a meeting was.</summary>
public enum MeetingKind
{
    /// <summary>A meeting or talks.</summary>
    Meeting,

    /// <summary>A visit by a delegation or an official.</summary>
    Visit,

    /// <summary>A briefing of one official by another.</summary>
    Briefing,

    /// <summary>A summit of heads of state or government.</summary>
    Summit,

    /// <summary>A seminar, conference or ceremony.</summary>
    Seminar,
}
