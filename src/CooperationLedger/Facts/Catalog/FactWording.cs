namespace CooperationLedger.Facts;

/// <summary>The pieces kinds build their one-line summaries from (see <see cref="FactKind.SummaryOf"/>).</summary>
internal static class FactWording
{
    /// <summary>Gets "will donate" for a promise (pledged or committed), "donated" for what happened.</summary>
    /// <param name="stage">The fact's stage.</param>
    /// <param name="future">The verb after "will" ("donate", "set up").</param>
    /// <param name="past">The verb in the past ("donated").</param>
    public static string Verb(Stage stage, string future, string past) => stage switch
    {
        Stage.Pledged or Stage.Committed => $"will {future}",
        Stage.Expected => $"is expected to {future}",
        _ => past,
    };

    /// <summary>Gets " (planned)" for a pledged event, nothing for one that happened.</summary>
    public static string Planned(Stage stage) => stage switch
    {
        Stage.Pledged => " (planned)",
        Stage.Expected => " (expected by the outlet)",
        _ => string.Empty,
    };

    /// <summary>Gets " worth 300000000 KGS" for a stated value, nothing without one.</summary>
    public static string Worth(MoneyAmount? value) => value is null ? string.Empty : $" worth {value}";

    /// <summary>Gets " in Bishkek" for a stated place, nothing without one.</summary>
    public static string In(string? place) => place is null ? string.Empty : " in " + place;

    /// <summary>Joins names as a sentence does: "A", "A and B", "A, B and C".</summary>
    public static string Names(IEnumerable<string> names)
    {
        var list = names.ToArray();
        return list.Length switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => $"{string.Join(", ", list[..^1])} and {list[^1]}",
        };
    }

    /// <summary>Joins actors' names (see <see cref="Names(IEnumerable{string})"/>).</summary>
    public static string Names(IEnumerable<Actor> actors) => Names(actors.Select(actor => actor.Name));
}
