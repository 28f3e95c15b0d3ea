using System.Text;
using System.Text.Json.Nodes;
using CooperationLedger.Facts;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using CsCheck;
using Marten;
using NodaTime;

namespace CooperationLedger.Tests.Hosting;

/// <summary>
/// Reported dates in the store: as their text form where it says all (most dates: "2006-11-22", "2006-01/2006-09"),
/// as an object of their parts where it cannot (an inference, a resolved phrase), and read back the same either way,
/// also in the object form every date had in ledgers written before.
/// </summary>
public sealed class StoredDateTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    private static readonly ISerializer Serializer = CreateSerializer();

    [Fact]
    public void Every_date_reads_back_the_same_and_only_an_inference_a_phrase_a_bounded_period_or_a_year_before_1_keeps_the_object_form()
    {
        Dates.Sample(date =>
        {
            var json = Serializer.ToJson(date);

            Read(json).Should().Be(date);
            var keepsParts = date.Inference is not null || date.Phrase is not null || date.Earliest?.Year < 1 || date.Latest?.Year < 1
                || (date is { IsPeriod: true, Precision: DatePrecision.Bounded, Earliest: not null, Latest: not null });
            if (keepsParts)
            {
                JsonNode.Parse(json).Should().BeOfType<JsonObject>();
            }
            else
            {
                json.Should().Be($"\"{date}\"");
            }
        },
        iter: 20_000);
    }

    [Theory]
    [InlineData("""{"latest":"1995-04-11","earliest":"1995-04-11","isPeriod":false,"precision":"Day","isInferred":false,"isApproximate":false}""", "1995-04-11")]
    [InlineData("""{"latest":"2006-09-30","earliest":"2006-01-01","isPeriod":true,"precision":"Month","isInferred":false,"isApproximate":false}""", "2006-01/2006-09")]
    [InlineData("""{"latest":"2006-11-22","isPeriod":false,"precision":"Bounded","isInferred":false,"isApproximate":true}""", "..2006-11-22~")]
    public void A_date_stored_as_an_object_by_an_earlier_version_reads_as_before(string stored, string text)
    {
        Read(stored).Should().Be(ReportedDate.Parse(text));
    }

    [Fact]
    public void A_stored_date_that_is_not_a_date_is_refused_with_its_text()
    {
        var read = () => Read("\"2006-13\"");

        read.Should().Throw<System.Text.Json.JsonException>().WithMessage("*'2006-13'*months are 1 to 12*");
    }

    [Fact]
    public async Task Given_the_seeds_a_printed_date_is_stored_as_its_text_and_an_inferred_or_resolved_one_with_what_it_came_from()
    {
        await fixture.Ledger.IngestAsync([Seeds.FactFile("edm-2006-v3-i223"), Seeds.FactFile("cao-2011-gknb-cooperation")]);

        var narcotics = await StoredEventAsync("edm-2006-v3-i223", "dca-narcotics-seized-2006");
        narcotics["period"]!.GetValue<string>().Should().Be("2006-01/2006-09");
        narcotics["baseline"]!.GetValue<string>().Should().Be("2005-01/2005-09");
        narcotics["effective"]!.GetValue<string>().Should().Be("2006-11-22");
        narcotics["citation"]!["document"]!["publishedOn"]!["inference"]!.GetValue<string>().Should().StartWith("Not printed. Volume 3 of Eurasia Daily Monitor is 2006");

        var operations = await StoredEventAsync("edm-2006-v3-i223", "security-operations-2006");
        operations["period"]!["phrase"]!.GetValue<string>().Should().Be("this year");
        operations["period"]!["anchor"]!.GetValue<string>().Should().Be("2006-11-28", "the phrase is resolved against the earliest day the article can be from");

        var agreement = await StoredEventAsync("cao-2011-gknb-cooperation", "cn-kg-four-areas-agreement");
        agreement["effective"]!["inference"]!.GetValue<string>().Should().Be("Year not printed: the article's year (2011).");

        var claims = await fixture.Ledger.GetClaimedStatisticsAsync(AsOf.Now);
        claims.Claims.Single(claim => claim.Key == "edm-2006-v3-i223/dca-narcotics-seized-2006")
            .Period.Should().Be(ReportedDate.MonthsFrom(new YearMonth(2006, 1), new YearMonth(2006, 9)));
        (await fixture.Ledger.GetAgreementsAsync(AsOf.Now)).Single(status => status.Key == "cao-2011-gknb-cooperation/cn-kg-four-areas-agreement")
            .Effective.Inference.Should().Be("Year not printed: the article's year (2011).");
    }

    /// <summary>Dates of every kind, in our era and around its start: a day, month, quarter or year, a period of any of
    /// them or of days, an open or closed range, any of them approximate, inferred or resolved from a phrase.</summary>
    private static Gen<ReportedDate> Dates =>
        from first in Gen.OneOf(Gen.Int[0, 20_000].Select(days => new LocalDate(1950, 1, 1).PlusDays(days)), Gen.Int[-1_000, 400].Select(days => new LocalDate(1, 1, 1).PlusDays(days)))
        from length in Gen.Int[0, 800]
        from shape in Gen.Int[0, 7]
        from approximate in Gen.Bool
        from inferred in Gen.Bool
        from resolved in Gen.Bool
        select Decorate(Shape(first, first.PlusDays(length), shape, approximate), inferred, resolved);

    private static ReportedDate Shape(LocalDate first, LocalDate last, int shape, bool approximate) => shape switch
    {
        0 => new(first, first, DatePrecision.Day, isApproximate: approximate),
        1 => new(StartOfMonth(first), EndOfMonth(first), DatePrecision.Month, isApproximate: approximate),
        2 => new(StartOfMonth(first), EndOfMonth(last), DatePrecision.Month, isPeriod: true, isApproximate: approximate),
        3 => new(new LocalDate(first.Year, 1, 1), new LocalDate(last.Year, 12, 31), DatePrecision.Year, isPeriod: true, isApproximate: approximate),
        4 => new(StartOfMonth(first).PlusMonths(-((first.Month - 1) % 3)), EndOfMonth(first.PlusMonths(2 - ((first.Month - 1) % 3))), DatePrecision.Quarter, isApproximate: approximate),
        5 => new(first, last, DatePrecision.Bounded, isApproximate: approximate),
        6 => new(approximate ? null : first, approximate ? last : null, DatePrecision.Bounded, isPeriod: last.Day % 2 == 0),
        _ => new(first, last, last.Day % 2 == 0 ? DatePrecision.Day : DatePrecision.Bounded, isPeriod: true, isApproximate: approximate),
    };

    private static ReportedDate Decorate(ReportedDate date, bool inferred, bool resolved)
    {
        var decorated = inferred ? date.Inferred("the article's year") : date;
        return resolved ? decorated.ResolvedFrom("this year", new LocalDate(2006, 11, 21)) : decorated;
    }

    private static LocalDate StartOfMonth(LocalDate day) => new(day.Year, day.Month, 1);

    private static LocalDate EndOfMonth(LocalDate day) => StartOfMonth(day).PlusMonths(1).PlusDays(-1);

    private static ReportedDate Read(string json) => Serializer.FromJson<ReportedDate>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static ISerializer CreateSerializer()
    {
        var options = new StoreOptions();
        StoreFactory.ConfigureBasics(options, new LedgerStoreSettings());
        return options.Serializer();
    }

    private async Task<JsonObject> StoredEventAsync(string documentKey, string factKey)
    {
        var data = await LedgerInspection.ScalarAsync(
            fixture.ConnectionString,
            $"select data::text from {fixture.Ledger.Store.Options.DatabaseSchemaName}.mt_events where data ->> 'factId' = $1",
            FactIds.ForFact(documentKey, factKey).ToString());
        return JsonNode.Parse((string)data!)!.AsObject();
    }
}
