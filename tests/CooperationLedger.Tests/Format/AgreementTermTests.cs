using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;
using NodaTime;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given a brief of 10 February 2004 (Test Brief): UNODC and the Kyrgyz Drug Control Agency signed a three-year
/// programme on 9 February, and a memorandum valid until the end of 2004. As of a date, each is in effect, not yet in
/// effect, or expired, by its term.
/// </summary>
public sealed class AgreementTermTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() => await fixture.Ledger.IngestAsync([Fixtures.FactFile("brief-2004-unodc-programme")]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("2004-06-30", AgreementState.InEffect, AgreementState.InEffect)]
    [InlineData("2005-06-30", AgreementState.InEffect, AgreementState.Expired)]
    [InlineData("2007-02-08", AgreementState.InEffect, AgreementState.Expired)]
    [InlineData("2011-12-31", AgreementState.Expired, AgreementState.Expired)]
    public async Task A_programme_runs_for_its_term_and_then_expires(string day, AgreementState programme, AgreementState memorandum)
    {
        var agreements = await fixture.Ledger.GetAgreementsAsync(new AsOf { Effective = LocalDate.FromDateTime(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture)) }, party: "UNODC");

        agreements.Single(a => a.Key.EndsWith("border-training-programme", StringComparison.Ordinal)).State.Should().Be(programme);
        agreements.Single(a => a.Key.EndsWith("testing-kits-memorandum", StringComparison.Ordinal)).State.Should().Be(memorandum);
        agreements.Should().OnlyContain(a => a.InEffect == (a.State == AgreementState.InEffect));
    }

    [Fact]
    public void A_term_that_would_end_past_the_calendar_runs_to_its_last_day()
    {
        var term = new AgreementTerm(years: 5);

        term.EndsFrom(ReportedDate.OnDay(new LocalDate(9999, 12, 30))).Should().Be(ReportedDate.OnDay(LocalDate.MaxIsoValue), "NodaTime holds no day past 9999, and a fact the ingest accepted must still be answered");
        term.EndsFrom(ReportedDate.OnDay(new LocalDate(2004, 3, 1))).Should().Be(ReportedDate.OnDay(new LocalDate(2009, 2, 28)));
    }

    [Fact]
    public async Task An_agreement_keeps_its_term_and_the_day_it_ends()
    {
        var agreements = await fixture.Ledger.GetAgreementsAsync(new AsOf { Effective = new LocalDate(2011, 12, 31) }, party: "UNODC");

        var programme = agreements.Single(a => a.Key.EndsWith("border-training-programme", StringComparison.Ordinal));
        programme.Term!.Years.Should().Be(3);
        programme.Term.Verbatim.Should().Be("a three-year programme");
        programme.EndsOn.Should().Be(ReportedDate.OnDay(new LocalDate(2007, 2, 8)), "three years from 9 February 2004 end the day before the anniversary");
    }

    [Fact]
    public async Task Under_the_possibly_rule_an_agreement_ending_sometime_in_a_year_may_have_expired_during_it()
    {
        var certainly = await fixture.Ledger.GetAgreementsAsync(new AsOf { Effective = new LocalDate(2004, 6, 30) }, party: "UNODC");
        var possibly = await fixture.Ledger.GetAgreementsAsync(new AsOf { Effective = new LocalDate(2004, 6, 30), Rule = DateRule.Possibly }, party: "UNODC");

        certainly.Single(a => a.Key.EndsWith("testing-kits-memorandum", StringComparison.Ordinal)).State.Should().Be(AgreementState.InEffect, "it certainly runs until the end of 2004");
        possibly.Single(a => a.Key.EndsWith("testing-kits-memorandum", StringComparison.Ordinal)).State.Should().Be(AgreementState.Expired, "\"2004\" may mean its first day");
    }
}
