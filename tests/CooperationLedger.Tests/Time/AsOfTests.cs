using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Tests.Time;

public sealed class AsOfTests
{
    [Fact]
    public void Omitted_axes_mean_now()
    {
        var anything = ReportedDate.Parse("2999");

        AsOf.Now.IncludesEffective(anything).Should().BeTrue();
        AsOf.Now.IncludesKnown(anything).Should().BeTrue();
        AsOf.Now.IncludesRecorded(Instant.MaxValue).Should().BeTrue();
    }

    [Fact]
    public void Each_axis_is_compared_at_its_boundary_inclusively()
    {
        var asOf = new AsOf { Effective = new LocalDate(2006, 11, 22), KnownOn = new LocalDate(2006, 12, 31), RecordedAt = Instant.FromUtc(2026, 1, 1, 0, 0) };

        asOf.IncludesEffective(ReportedDate.Parse("2006-11-22")).Should().BeTrue();
        asOf.IncludesEffective(ReportedDate.Parse("2006-11-23")).Should().BeFalse();
        asOf.IncludesKnown(ReportedDate.Parse("2006-11-28..2006-12-31")).Should().BeTrue();
        asOf.IncludesKnown(ReportedDate.Parse("2006-11-28..2007-01-01")).Should().BeFalse();
        asOf.IncludesRecorded(Instant.FromUtc(2026, 1, 1, 0, 0)).Should().BeTrue();
        asOf.IncludesRecorded(Instant.FromUtc(2026, 1, 1, 0, 0).PlusTicks(1)).Should().BeFalse();
    }

    [Fact]
    public void The_possibly_rule_applies_to_the_known_axis_too()
    {
        var possibly = new AsOf { KnownOn = new LocalDate(2006, 12, 1), Rule = DateRule.Possibly };
        var certainly = possibly with { Rule = DateRule.Certainly };
        var published = ReportedDate.Parse("2006-11-28..2006-12-31");

        possibly.IncludesKnown(published).Should().BeTrue();
        certainly.IncludesKnown(published).Should().BeFalse();
    }
}
