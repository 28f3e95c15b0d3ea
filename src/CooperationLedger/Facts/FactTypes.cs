using System.Collections.Frozen;

namespace CooperationLedger.Facts;

/// <summary>
/// The stable wire names of the ledger's events. They are stored in the database and written in fact files, so renaming
/// a class never orphans history: only this table maps names to classes.
/// </summary>
internal static class FactTypes
{
    public static readonly IReadOnlyList<(Type Type, string Alias)> All =
    [
        (typeof(AgreementSigned), "agreement_signed"),
        (typeof(EquipmentDonated), "equipment_donated"),
        (typeof(GrantProvided), "grant_provided"),
        (typeof(TrainingProvided), "training_provided"),
        (typeof(StatisticClaimed), "statistic_claimed"),
        (typeof(OperationResultsClaimed), "operation_results_claimed"),
        (typeof(AwardConferred), "award_conferred"),
        (typeof(MeetingHeld), "meeting_held"),
        (typeof(StructureEstablished), "structure_established"),
        (typeof(ExerciseHeld), "exercise_held"),
        (typeof(PollPublished), "poll_published"),
        (typeof(FactCorrected), "fact_corrected"),
        (typeof(FactRetracted), "fact_retracted"),
    ];

    private static readonly FrozenDictionary<Type, string> AliasByType = All.ToFrozenDictionary(entry => entry.Type, entry => entry.Alias);

    public static string AliasOf(Type type) =>
        AliasByType.TryGetValue(type, out var alias) ? alias : throw new ArgumentException($"{type.Name} is not a ledger event.", nameof(type));

    public static string AliasOf(ILedgerEvent e) => AliasOf(e.GetType());
}
