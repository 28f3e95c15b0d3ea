using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>
/// The as-of rule over the read tables, as SQL. A fact that no revision known at the point revises, that links to no
/// fact and is linked to by none, and none of whose matter's reports is such, is told at the point exactly as it was
/// reported: SQL alone decides whether it is in the answer (its bounds), whether it is disputed (its figure's span
/// against the others of its matter) and adds it up. Such facts are <em>settled</em>. Every other fact known and
/// recorded by the point is <em>open</em>: its revisions and links are for the rules in memory (<c>AsOfResolution</c>,
/// <c>DisputeFinder</c>, <c>Uncounted</c>), which read the open facts alone. The open facts are closed under those
/// rules: a matter with one open report is open as a whole, and both ends of a link are open, so the rules reach no
/// settled fact. Revisions and links are a few in a hundred facts, so nearly everything is added up in PostgreSQL.
/// </summary>
/// <remarks>
/// The bounds are integer literals, as in <see cref="AsOfBounds"/>, so that each point is planned for itself; the
/// tenant is the one parameter, <c>$1</c>.
/// </remarks>
internal static class ReadModelSql
{
    /// <summary>
    /// The memory each sort and hash of a whole-ledger statement may take before it spills to disk: PostgreSQL's default
    /// (4 MB) spills the groups of a hundred thousand facts, and the setting lasts for the statement's connection only.
    /// </summary>
    public const string WholeLedger = "set work_mem = '64MB'";

    /// <summary>
    /// Gets the common table expressions every whole-ledger question starts from, in <paramref name="schema"/>:
    /// <c>revised</c> and <c>linked</c> (the ids of the facts revised by the point, and of the facts any fact links to),
    /// <c>entangled</c> (the facts known and recorded by the point that are revised, link or are linked to) and
    /// <c>open</c> (their ids, with those of every fact of their matters). Each is found by index; the settled facts are
    /// read with <see cref="Settled"/>. The revised facts are looked up by key as an array: joined as a set, PostgreSQL
    /// hashes every fact known by the point to find the few revised.
    /// </summary>
    public static string Open(string schema, AsOf asOf)
    {
        var facts = $"{schema}.{ReadTables.Facts}";
        var point = $"{Bound("f", "known", asOf.KnownOn, asOf.Rule)}{Recorded("f", asOf)}";
        return $"""
            with revised as (
              select distinct r.revises as id from {schema}.{ReadTables.Revisions} r
              where r.tenant_id = $1{Bound("r", "known", asOf.KnownOn, asOf.Rule)}{Recorded("r", asOf)}
            ),
            linked as (
              select distinct unnest(f.link_targets) as id from {facts} f where f.tenant_id = $1 and f.link_targets is not null
            ),
            entangled as (
              select f.id, f.matter from {facts} f where f.tenant_id = $1 and f.link_targets is not null{point}
              union
              select f.id, f.matter from {facts} f where f.tenant_id = $1 and f.id = any(array(select id from revised)){point}
              union
              select f.id, f.matter from {facts} f join linked l on l.id = f.id where f.tenant_id = $1{point}
            ),
            open as (
              select id from entangled
              union
              select f.id from {facts} f where f.tenant_id = $1 and f.matter in (select matter from entangled where matter is not null){point}
            )
            """;
    }

    /// <summary>
    /// Gets the common table expressions <c>open</c> and <c>rewritten</c> of the ids of the open facts and of those of
    /// them revised by the point, found beforehand (with <see cref="Open"/>) and sent as the parameters <c>$2</c> and
    /// <c>$3</c>, so that a question of several statements finds them once.
    /// </summary>
    public const string OpenGiven = "with open as (select unnest($2::uuid[]) as id), rewritten as (select unnest($3::uuid[]) as id)";

    /// <summary>
    /// Gets the conditions that the fact <paramref name="alias"/> is in the answer at the point as it was reported: in
    /// the tenant, within the bounds on all three axes, and revised by nothing known by then (after
    /// <see cref="OpenGiven"/>). Such a fact counts among the facts of its kind and year as it was reported, open or
    /// settled: links and matters bear on sums and disputes, not on what a fact says.
    /// </summary>
    public static string Told(string alias, AsOf asOf) =>
        $"{alias}.tenant_id = $1{Bound(alias, "known", asOf.KnownOn, asOf.Rule)}{Recorded(alias, asOf)}{Bound(alias, "effective", asOf.Effective, asOf.Rule)}"
        + $" and not exists (select 1 from rewritten w where w.id = {alias}.id)";

    /// <summary>
    /// Gets the conditions that the fact <paramref name="alias"/> is settled and in the answer at the point: in the
    /// tenant, within the bounds on all three axes, and not open (after <see cref="Open"/> or <see cref="OpenGiven"/>).
    /// </summary>
    public static string Settled(string alias, AsOf asOf) =>
        $"{alias}.tenant_id = $1{Bound(alias, "known", asOf.KnownOn, asOf.Rule)}{Recorded(alias, asOf)}{Bound(alias, "effective", asOf.Effective, asOf.Rule)}"
        + $" and not exists (select 1 from open o where o.id = {alias}.id)";

    /// <summary>
    /// Gets the common table expressions that find the disputes among the settled facts, after <see cref="Open"/>, as
    /// <c>DisputeFinder</c> finds them among donations and among claims apart: <c>spans</c> (the settled facts with a
    /// matter and a compared figure, each with its <c>family</c>, 0 for a donation and 1 for a claim), <c>judged</c> (each
    /// span, whether its matter and scale hold figures that cannot all be true, by <c>FigureSpan.Agree</c> on the stored
    /// spans, and whether its matter's figures went more than one way) and <c>disputed</c> (the facts of either). Both
    /// are judged by window aggregates over the spans, in one pass: grouped and joined back, the spans of an early point
    /// were estimated at a few hundred rows and joined by nested loop, which took seconds on tens of thousands.
    /// </summary>
    public static string Disputed(string schema, AsOf asOf) =>
        $"""
        spans as (
          select s.id, s.matter, s.metric, s.compared_scale, s.compared_figure, s.figure_read, s.figure_low, s.figure_high, s.figure_direction,
                 case when s.donor_id is not null then 0 else 1 end as family
          from {schema}.{ReadTables.Facts} s
          where {Settled("s", asOf)} and s.matter is not null and s.compared_scale is not null and (s.donor_id is not null or s.metric is not null)
        ),
        judged as (
          select s.id, s.family, s.matter,
                 min(s.compared_figure) over scaled <> max(s.compared_figure) over scaled
                 and (bool_or(not s.figure_read) over scaled
                      or case when bool_or(s.figure_low is null and s.figure_high is null) over scaled
                              then min(coalesce(s.figure_direction, -1)) over scaled <> max(coalesce(s.figure_direction, -1)) over scaled
                              else coalesce(max(s.figure_low) over scaled > min(s.figure_high) over scaled, false) end) as split,
                 s.figure_direction is not null and min(s.figure_direction) over matters <> max(s.figure_direction) over matters as turned
          from spans s
          window scaled as (partition by s.family, s.matter, s.compared_scale), matters as (partition by s.family, s.matter)
        ),
        disputed as (
          select id, family, matter from judged where split or turned
        )
        """;

    /// <summary>Gets the day a settled fact is placed by on the effective axis under the point's rule, as <c>yyyymmdd</c>.</summary>
    public static string EffectiveDay(string alias, DateRule rule) => $"{alias}.{AxisColumn("effective", rule)}";

    /// <summary>
    /// Gets the column a point's rule compares on an axis (<c>known</c>, <c>effective</c>): the latest day a fact's date
    /// may mean (<c>_to</c>) for <see cref="DateRule.Certainly"/>, else the earliest (<c>_from</c>). Every bound of the
    /// SQL is written by it.
    /// </summary>
    public static string AxisColumn(string axis, DateRule rule) => $"{axis}_{(rule == DateRule.Certainly ? "to" : "from")}";

    /// <summary>Writes the year of a day number, or null for an open end (<see cref="DayNumber.OpenStart"/>, <see cref="DayNumber.OpenEnd"/>).</summary>
    public static string YearOf(string day) =>
        $"case when {day} in ({ReadTables.Literal(DayNumber.OpenStart)}, {ReadTables.Literal(DayNumber.OpenEnd)}) then null else {day} / 10000 end";

    /// <summary>Writes a bound on one axis (<c>known</c>, <c>effective</c>): by the latest day for <see cref="DateRule.Certainly"/>, else by the earliest.</summary>
    private static string Bound(string alias, string axis, LocalDate? day, DateRule rule) =>
        day is { } limit ? $" and {alias}.{AxisColumn(axis, rule)} <= {ReadTables.Literal(DayNumber.Of(limit))}" : string.Empty;

    private static string Recorded(string alias, AsOf asOf) =>
        asOf.RecordedAt is { } limit ? $" and {alias}.recorded_us <= {ReadTables.Literal(InstantNumber.Microseconds(limit))}" : string.Empty;
}
