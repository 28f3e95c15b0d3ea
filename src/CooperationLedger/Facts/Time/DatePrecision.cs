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

    /// <summary>
    /// A season of a year, as the northern hemisphere's reporting means it (<c>2006-spring</c>: March to May; summer
    /// June to August; autumn September to November; <c>2006-winter</c> December 2006 to February 2007).
    /// </summary>
    /// <remarks>Last, so that the precisions stored before it keep their numbers.</remarks>
    Season,
}
