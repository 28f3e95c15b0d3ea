using System.Diagnostics;
using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Storage;
using CooperationLedger.Synthetic;
using CooperationLedger.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CooperationLedger.Tests.Hosting;

/// <summary>
/// An application that listens to <see cref="LedgerTelemetry.SourceName"/> with OpenTelemetry sees a span for every ingest,
/// append batch and question, tagged with the tenant and what was done, failures marked as errors, and counters of facts
/// appended, present and refused; no tag holds the connection's password. Each test uses a tenant of its own, so that
/// what other tests do at the same time is told apart.
/// </summary>
public sealed class LedgerTelemetryTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string Password = "telemetry-secret-password";

    [Fact]
    public async Task Ingests_and_questions_are_spans_tagged_with_the_tenant_and_what_they_did()
    {
        var spans = new List<Activity>();
        using var tracing = Tracing(spans);
        await using var store = TenantedStore(database.ConnectionString);
        var ledger = store.ForTenant("spans");

        var first = await ledger.IngestAsync([Seeds.Folder + "/facts"]);
        await ledger.IngestAsync([Seeds.Folder + "/facts"]);
        var totals = await ledger.GetDonorTotalsAsync(AsOf.Now);
        await ledger.GetClaimedStatisticsAsync(AsOf.Now);
        await ledger.GetAgreementsAsync(AsOf.Now);
        await ledger.GetTimelineAsync(AsOf.Now);
        await ledger.AuditAsync(totals.Totals[0].Sources[0].FactId);
        await ledger.ReadFactsAsync().CountAsync();
        await ledger.VerifyAsync();
        await ledger.RebuildProjectionsAsync();
        var refused = () => ledger.IngestAsync([Path.Combine(AppContext.BaseDirectory, "Fixtures", "malformed", "amount-not-a-number.yaml")]);
        await refused.Should().ThrowAsync<FactFileException>();
        tracing.ForceFlush();

        var mine = spans.Where(span => Equals(span.GetTagItem(LedgerTelemetry.TenantTag), "spans")).ToArray();
        mine.Should().OnlyContain(span => span.Source.Name == LedgerTelemetry.SourceName && span.Source.Version == typeof(Ledger).Assembly.GetName().Version!.ToString(3));
        var ingests = mine.Where(span => span.DisplayName == LedgerTelemetry.IngestActivity).ToArray();
        ingests.Should().HaveCount(3);
        ingests[0].GetTagItem(LedgerTelemetry.FactsAppendedTag).Should().Be(first.FactsAppended).And.NotBe(0);
        ingests[0].GetTagItem(LedgerTelemetry.DocumentsTag).Should().Be(first.Documents.Count);
        ingests[0].Status.Should().Be(ActivityStatusCode.Unset);
        ingests[1].GetTagItem(LedgerTelemetry.FactsAppendedTag).Should().Be(0);
        ingests[1].GetTagItem(LedgerTelemetry.FactsPresentTag).Should().Be(first.FactsAppended);
        ingests[2].Status.Should().Be(ActivityStatusCode.Error);
        ingests[2].GetTagItem("error.type").Should().Be(typeof(FactFileException).FullName);
        mine.Where(span => span.DisplayName == LedgerTelemetry.QueryActivity).Select(span => span.GetTagItem(LedgerTelemetry.QueryTag))
            .Should().BeEquivalentTo(["donor-totals", "claims", "agreements", "timeline", "audit", "export", "verify"]);
        mine.Should().ContainSingle(span => span.DisplayName == LedgerTelemetry.RebuildActivity);
        mine.SelectMany(span => span.TagObjects).Should().NotContain(tag => (tag.Value ?? string.Empty).ToString()!.Contains("Password", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_bulk_append_is_a_span_with_a_span_per_batch_beneath_it()
    {
        var spans = new List<Activity>();
        using var tracing = Tracing(spans);
        await using var store = TenantedStore(database.ConnectionString);
        var ledger = store.ForTenant("batches");

        var report = await ledger.AppendManyAsync(SyntheticHistory.GenerateAsync(new SyntheticHistoryOptions(200)), batchFacts: 50);
        tracing.ForceFlush();

        var mine = spans.Where(span => Equals(span.GetTagItem(LedgerTelemetry.TenantTag), "batches")).ToArray();
        var append = mine.Should().ContainSingle(span => span.DisplayName == LedgerTelemetry.AppendManyActivity).Which;
        append.GetTagItem(LedgerTelemetry.FactsAppendedTag).Should().Be(report.FactsAppended).And.Be(200);
        var batches = mine.Where(span => span.DisplayName == LedgerTelemetry.AppendBatchActivity).ToArray();
        batches.Should().OnlyContain(batch => batch.ParentSpanId == append.SpanId);
        batches.Where(batch => batch.Status != ActivityStatusCode.Error).Should().HaveCount(4, "ten documents of 20 facts go in batches of three, three, three and one");
        batches.Where(batch => batch.Status != ActivityStatusCode.Error).Sum(batch => (int)batch.GetTagItem(LedgerTelemetry.FactsAppendedTag)!).Should().Be(200);
    }

    [Fact]
    public async Task Counters_count_facts_appended_present_and_refused_and_documents()
    {
        var metrics = new List<MetricSnapshot>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(LedgerTelemetry.MeterName).AddInMemoryExporter(metrics).Build();
        await using var store = TenantedStore(database.ConnectionString);
        var ledger = store.ForTenant("counters");

        var first = await ledger.IngestAsync([Seeds.Folder + "/facts"]);
        await ledger.IngestAsync([Seeds.Folder + "/facts"]);
        await ledger.IngestAsync([Seeds.Folder + "/facts"], dryRun: true);
        var refused = (await ((Func<Task>)(() => ledger.IngestAsync([Path.Combine(AppContext.BaseDirectory, "Fixtures", "malformed", "amount-not-a-number.yaml")]))).Should().ThrowAsync<FactFileException>()).Which;
        meters.ForceFlush();

        Sum(metrics, LedgerTelemetry.FactsAppendedCounter).Should().Be(first.FactsAppended).And.BeGreaterThan(0);
        Sum(metrics, LedgerTelemetry.FactsPresentCounter).Should().Be(first.FactsAppended);
        Sum(metrics, LedgerTelemetry.DocumentsCounter).Should().Be(2 * first.Documents.Count);
        Sum(metrics, LedgerTelemetry.FactsRefusedCounter).Should().Be(refused.Errors.Where(error => error.Fact is not null).Select(error => error.Fact).Distinct().Count()).And.BeGreaterThan(0);
    }

    [Fact]
    public async Task A_question_that_fails_ends_its_span_as_an_error_and_no_tag_holds_the_password()
    {
        var spans = new List<Activity>();
        using var tracing = Tracing(spans);
        await using var store = TenantedStore(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Password, Username = "telemetry_nobody" }.ConnectionString);
        var ledger = store.ForTenant("failing");

        var question = () => ledger.GetDonorTotalsAsync(AsOf.Now);
        await question.Should().ThrowAsync<Exception>();
        tracing.ForceFlush();

        var span = spans.Should().ContainSingle(span => Equals(span.GetTagItem(LedgerTelemetry.TenantTag), "failing")).Which;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.TagObjects.Select(tag => tag.Value?.ToString()).Append(span.StatusDescription).Should().NotContain(value => value != null && value.Contains(Password));
    }

    private static TracerProvider Tracing(List<Activity> spans) =>
        Sdk.CreateTracerProviderBuilder().AddSource(LedgerTelemetry.SourceName).AddInMemoryExporter(spans).Build();

    private static Ledger TenantedStore(string connection) => Ledger.Connect(connection, new LedgerStoreSettings { Schema = "telemetry", MultiTenant = true });

    private static long Sum(IEnumerable<MetricSnapshot> metrics, string name)
    {
        var total = 0L;
        foreach (var point in metrics.Where(metric => metric.Name == name).SelectMany(metric => metric.MetricPoints))
        {
            foreach (var tag in point.Tags)
            {
                if (tag.Key == LedgerTelemetry.TenantTag && Equals(tag.Value, "counters"))
                {
                    total = Math.Max(total, point.GetSumLong());
                }
            }
        }

        return total;
    }
}
