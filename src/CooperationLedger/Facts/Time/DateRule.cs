namespace CooperationLedger.Facts;

/// <summary>
/// How an imprecise date is compared with an as-of date. A fact dated "2006" covers 2006-01-01 to 2006-12-31: as of
/// 2006-06-30 it has <em>possibly</em> happened, but not <em>certainly</em>.
/// </summary>
public enum DateRule
{
    /// <summary>
    /// The default: a date counts as on or before the as-of date only when its latest possible day is (so "2006" counts
    /// from 2006-12-31, "November 2006" from 2006-11-30). An open-ended date never counts.
    /// </summary>
    Certainly,

    /// <summary>
    /// A date counts as soon as its earliest possible day is on or before the as-of date (so "2006" counts from
    /// 2006-01-01). A date with no known start always counts.
    /// </summary>
    Possibly,
}
