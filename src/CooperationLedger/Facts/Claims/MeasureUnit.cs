using System.Collections.Frozen;

namespace CooperationLedger.Facts;

/// <summary>
/// A unit as printed and the unit it is compared and summed in. Masses are normalised to kilograms and shares to
/// percent, whatever their spelling ("tons", "tonnes", "t"); any other unit is a count of the things it names, compared
/// by its words alone (case and spacing aside), so "officers" and "cases" never add up.
/// </summary>
/// <remarks>A "ton" is read as the metric tonne: the reporting this ledger keeps uses the two words for one unit.</remarks>
internal static class MeasureUnit
{
    private static readonly FrozenDictionary<string, (string Unit, decimal Factor)> Known = new Dictionary<string, (string, decimal)>(StringComparer.OrdinalIgnoreCase)
    {
        ["mg"] = ("kg", 0.000001m),
        ["milligram"] = ("kg", 0.000001m),
        ["milligrams"] = ("kg", 0.000001m),
        ["g"] = ("kg", 0.001m),
        ["gram"] = ("kg", 0.001m),
        ["grams"] = ("kg", 0.001m),
        ["gramme"] = ("kg", 0.001m),
        ["grammes"] = ("kg", 0.001m),
        ["kg"] = ("kg", 1m),
        ["kgs"] = ("kg", 1m),
        ["kilo"] = ("kg", 1m),
        ["kilos"] = ("kg", 1m),
        ["kilogram"] = ("kg", 1m),
        ["kilograms"] = ("kg", 1m),
        ["kilogramme"] = ("kg", 1m),
        ["kilogrammes"] = ("kg", 1m),
        ["t"] = ("kg", 1000m),
        ["ton"] = ("kg", 1000m),
        ["tons"] = ("kg", 1000m),
        ["tonne"] = ("kg", 1000m),
        ["tonnes"] = ("kg", 1000m),
        ["metric ton"] = ("kg", 1000m),
        ["metric tons"] = ("kg", 1000m),
        ["metric tonne"] = ("kg", 1000m),
        ["metric tonnes"] = ("kg", 1000m),
        ["%"] = ("percent", 1m),
        ["percent"] = ("percent", 1m),
        ["per cent"] = ("percent", 1m),
        ["percentage points"] = ("percent", 1m),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the unit <paramref name="printed"/> is compared in, and what one of it is in that unit.</summary>
    public static (string Unit, decimal Factor) Normalise(string printed)
    {
        var words = string.Join(' ', printed.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return Known.TryGetValue(words, out var known) ? known : (words.ToLowerInvariant(), 1m);
    }

    /// <summary>Gets whether the unit is a mass, so that a count of things "of heroin" is kept apart from kilograms of it.</summary>
    public static bool IsMass(string printed) => Normalise(printed).Unit == "kg";
}
