namespace CooperationLedger.Facts;

/// <summary>How finely a source states a date: the unit whose whole span the date covers.</summary>
public enum DatePrecision
{
    /// <summary>A single day.</summary>
    Day,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A calendar quarter.</summary>
    Quarter,

    /// <summary>A calendar year.</summary>
    Year,

    /// <summary>Only bounds are known (some day between two dates, or on or before or after one), not a calendar unit.</summary>
    Bounded,
}
