using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Tests.Support;
using NodaTime;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Given the UNODC's three-year programme signed on 9 February 2004 and a brief of 2 March 2005 saying it was
/// terminated on 1 March, its funding spent: the programme is in effect until then and ended after, not "in effect"
/// until 2007 by its term.
/// </summary>
public sealed class AgreementEndTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() =>
        await fixture.Ledger.IngestAsync([Fixtures.FactFile("brief-2004-unodc-programme"), Fixtures.FactFile("brief-2005-unodc-termination")]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(2005, 2, 28, AgreementState.InEffect)]
    [InlineData(2005, 3, 1, AgreementState.Ended)]
    [InlineData(2006, 6, 30, AgreementState.Ended)]
    public async Task A_programme_ended_by_an_event_is_ended_from_its_date(int year, int month, int day, AgreementState state)
    {
        var agreements = await fixture.Ledger.GetAgreementsAsync(AsOf.On(new LocalDate(year, month, day)), party: "UNODC");

        var programme = agreements.Single(a => a.Key == "brief-2004-unodc-programme/border-training-programme");
        programme.State.Should().Be(state);
        programme.EndedBy.Select(s => s.Key).Should().Equal(state == AgreementState.Ended ? ["brief-2005-unodc-termination/programme-terminated"] : []);
    }

    [Fact]
    public async Task Before_the_termination_was_reported_the_record_said_in_effect()
    {
        var agreements = await fixture.Ledger.GetAgreementsAsync(new AsOf { Effective = new LocalDate(2005, 6, 30), KnownOn = new LocalDate(2005, 3, 1) }, party: "UNODC");

        agreements.Single(a => a.Key == "brief-2004-unodc-programme/border-training-programme").State.Should().Be(AgreementState.InEffect, "the brief of 2 March was not yet published");
    }

    [Fact]
    public async Task The_audit_and_timeline_show_the_closure()
    {
        var trail = await fixture.Ledger.AuditAsync("brief-2004-unodc-programme/border-training-programme");
        var timeline = await fixture.Ledger.GetTimelineAsync(AsOf.Now, actor: "UNODC");

        trail!.Links.Should().ContainSingle().Which.Should().Match<LinkedFact>(l => l.Kind == LinkKind.Ends && l.Incoming && l.Key == "brief-2005-unodc-termination/programme-terminated");
        timeline.Single(item => item.Key == "brief-2005-unodc-termination/programme-terminated").Summary
            .Should().Be("United Nations Office on Drugs and Crime closed the three-year border training programme (its funding ran out)");
    }

    [Theory]
    [InlineData("closes: border-training-programme", "date: 2004-01", "closes", "before 'border-training-programme' (2004-02-09) that it ends: nothing is ended before it began")]
    [InlineData("closes: border-training-programme\n    links: { ends: closure-two }", "date: 2004-02-10", "links", "'closure-two' is a structure_closed fact: only an agreement_signed or a structure_established fact is in place until it is ended")]
    public void A_closure_before_what_it_ends_or_of_what_cannot_be_ended_is_refused(string closes, string date, string field, string reason)
    {
        var yaml = $$"""
            document: { key: test-closures, article: ../articles/brief-2004-unodc-programme.txt, publication: Test Brief, published: 2004-02-10 }
            actors:
              unodc: { kind: international_organisation, name: United Nations Office on Drugs and Crime }
              kg-dca: { kind: agency, name: Kyrgyz Drug Control Agency, country: KG }
            facts:
              - key: border-training-programme
                type: agreement_signed
                date: 2004-02-09
                parties: [unodc, kg-dca]
                areas: [training of customs and border officers]
                citation: { quote: signed a three-year programme on 9 February to train customs and border officers }
              - key: closure
                type: structure_closed
                {{date}}
                name: the programme
                {{closes}}
                citation: { quote: signed a three-year programme on 9 February to train customs and border officers }
              - key: closure-two
                type: structure_closed
                date: 2004-02-10
                name: the programme
                closes: border-training-programme
                citation: { quote: signed a three-year programme on 9 February to train customs and border officers }
            """;

        var errors = Fixtures.Refusals(yaml, "brief-2004-unodc-programme.txt");

        errors.Should().ContainSingle().Which.Should().Match<FactFileError>(e => e.Field!.EndsWith(field, StringComparison.Ordinal) && e.Reason.Contains(reason, StringComparison.Ordinal));
    }
}

/// <summary>
/// Given the UNODC's testing-kits memorandum signed on 9 February 2004, and a brief of 1 March 2004 saying it ended in
/// December 2003: another document's closure cannot be refused when it is read, and a closure before the start ends
/// nothing, so the memorandum stays in effect, with the closure kept in the timeline.
/// </summary>
public sealed class ClosureBeforeStartTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>, IAsyncLifetime
{
    public async Task InitializeAsync() =>
        await fixture.Ledger.IngestAsync([Fixtures.FactFile("brief-2004-unodc-programme"), Fixtures.FactFile("brief-2004-kits-closure")]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_closure_dated_before_the_agreement_began_does_not_end_it()
    {
        var agreements = await fixture.Ledger.GetAgreementsAsync(AsOf.On(new LocalDate(2004, 6, 30)), party: "UNODC");
        var timeline = await fixture.Ledger.GetTimelineAsync(AsOf.Now);

        var kits = agreements.Single(a => a.Key == "brief-2004-unodc-programme/testing-kits-memorandum");
        kits.State.Should().Be(AgreementState.InEffect);
        kits.EndedBy.Should().BeEmpty();
        timeline.Should().Contain(item => item.Key == "brief-2004-kits-closure/kits-memorandum-ended");
    }
}
