using System.Text.Json;
using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Hosting;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Weasel.Core;

namespace CooperationLedger.Tests.Hosting;

/// <summary>
/// An application that already runs Marten, with whatever serializer settings it chose, its own documents, its own
/// projection and its own clock, adds the ledger to its store through the public API alone; the ledger then answers
/// exactly as a ledger in a store of its own does, from the same five seed articles.
/// </summary>
public sealed class JoinedStoreTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly Instant Recorded = Instant.FromUtc(2026, 3, 4, 5, 6);

    public static TheoryData<string> Serializers => ["marten_defaults", "stj_default_casing", "stj_camel_case", "stj_snake_case", "stj_upper_case_keys", "stj_naming_policy_configured", "stj_kebab_policy_configured", "serializer_chosen_after"];

    [Theory]
    [MemberData(nameof(Serializers))]
    public async Task An_application_store_keeps_and_answers_the_seed_story_as_the_ledgers_own_store_does(string serializer)
    {
        var schema = "joined_" + serializer;
        var services = new ServiceCollection().AddLogging();
        services.AddMarten(options =>
        {
            options.Connection(database.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.Events.DatabaseSchemaName = schema;
            options.Events.TimeProvider = new FixedTimeProvider(Recorded);
            options.Projections.Add<NoteCountProjection>(ProjectionLifecycle.Inline);
            switch (serializer)
            {
                case "stj_default_casing":
                    options.UseSystemTextJsonForSerialization(EnumStorage.AsInteger, Casing.Default);
                    break;
                case "stj_camel_case":
                    options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                    break;
                case "stj_snake_case":
                    options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.SnakeCase);
                    break;
                case "stj_naming_policy_configured":
                    options.UseSystemTextJsonForSerialization(configure: json => json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseUpper);
                    break;
                case "stj_kebab_policy_configured":
                    options.UseSystemTextJsonForSerialization(configure: json => json.PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower);
                    break;
                case "stj_upper_case_keys":
                    options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json => json.DictionaryKeyPolicy = JsonNamingPolicy.KebabCaseUpper);
                    break;
            }

            options.AddCooperationLedger();
            if (serializer == "serializer_chosen_after")
            {
                options.UseSystemTextJsonForSerialization(EnumStorage.AsInteger, Casing.SnakeCase);
            }
        });
        services.AddCooperationLedger();
        await using var provider = services.BuildServiceProvider();
        var ledger = provider.GetRequiredService<Ledger>();
        var store = provider.GetRequiredService<IDocumentStore>();

        await using (var session = store.LightweightSession())
        {
            session.Store(new EditorsNote { Id = Guid.NewGuid(), Text = "check the GKNB figure" });
            session.Events.StartStream<EditorsNote>(Guid.NewGuid(), new NoteWritten("first"));
            await session.SaveChangesAsync();
        }

        await ledger.IngestAsync([Seeds.Facts]);

        await using var reference = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "joined_reference" }, new FakeClock(Recorded));
        await reference.IngestAsync([Seeds.Facts]);
        var asOf = AsOf.Known(new LocalDate(2011, 12, 31));
        AnswerJson.Of(await ledger.GetDonorTotalsAsync(asOf)).Should().Be(AnswerJson.Of(await reference.GetDonorTotalsAsync(asOf)));
        AnswerJson.Of(await ledger.GetClaimedStatisticsAsync(AsOf.Now)).Should().Be(AnswerJson.Of(await reference.GetClaimedStatisticsAsync(AsOf.Now)));
        AnswerJson.Of(await ledger.GetAgreementsAsync(AsOf.Now)).Should().Be(AnswerJson.Of(await reference.GetAgreementsAsync(AsOf.Now)));
        AnswerJson.Of(await ledger.GetTimelineAsync(AsOf.Now, "KG")).Should().Be(AnswerJson.Of(await reference.GetTimelineAsync(AsOf.Now, "KG")));
        (await ledger.GetTimelineAsync(new AsOf { RecordedAt = Recorded - Duration.FromSeconds(1) })).Should().BeEmpty("the application's own clock stamped every fact");

        var total = (await ledger.GetDonorTotalsAsync(asOf)).Totals.First(t => t.Sources.Count > 0);
        var trail = await ledger.AuditAsync(total.Sources[0].FactId);
        trail.Should().NotBeNull();
        trail!.Recorded.CorrelationId.Should().NotBeNullOrEmpty("every append is stamped with its ingest's correlation id");
        trail.Recorded.SourceFile.Should().NotBeNullOrEmpty();
        var referenceTrail = (await reference.AuditAsync(total.Sources[0].FactId))!;
        AnswerJson.Of(trail with { Recorded = referenceTrail.Recorded }).Should().Be(AnswerJson.Of(referenceTrail));

        foreach (var fact in await reference.ReadFactsAsync().Select(fact => fact.Fact.FactId).ToListAsync())
        {
            var own = (await reference.AuditAsync(fact))!;
            var joined = (await ledger.AuditAsync(fact))!;
            AnswerJson.Of(joined with { Recorded = own.Recorded }).Should().Be(AnswerJson.Of(own), "the audit of every fact, its related facts with it, is the same");
        }

        var written = await ledger.ReadFactsAsync().Select(fact => AnswerJson.Of(fact.Fact)).ToListAsync();
        written.Should().Equal(await reference.ReadFactsAsync().Select(fact => AnswerJson.Of(fact.Fact)).ToListAsync());
        (await ledger.VerifyAsync()).Should().Match<VerificationReport>(report => report.QuotesVerified && report.ProjectionsComplete && report.FactsChecked > 0);

        if (serializer is "stj_snake_case" or "stj_naming_policy_configured" or "marten_defaults")
        {
            await using var tool = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = schema });
            var read = () => tool.GetDonorTotalsAsync(AsOf.Now);
            var rebuild = () => tool.RebuildProjectionsAsync();
            await read.Should().ThrowAsync<LedgerSchemaException>().WithMessage($"*schema '{schema}' was written by a serializer that names its fields otherwise*Nothing was changed*");
            await rebuild.Should().ThrowAsync<LedgerSchemaException>("a store of the ledger's own reads the application's entries as empty, and must not rebuild them so");
            AnswerJson.Of(await ledger.GetDonorTotalsAsync(asOf)).Should().Be(AnswerJson.Of(await reference.GetDonorTotalsAsync(asOf)));
        }

        await using var check = store.QuerySession();
        (await check.Query<EditorsNote>().CountAsync()).Should().Be(1, "the application's own documents are untouched");
        (await check.Query<NoteCount>().SingleAsync()).Count.Should().Be(1, "the application's own projection still runs");
    }

    [Fact]
    public void A_store_whose_serializer_was_replaced_after_the_ledger_was_added_is_refused_before_anything_is_written()
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(database.ConnectionString);
            options.AddCooperationLedger();
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        });

        var act = () => new Ledger(store);

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*cannot keep CooperationLedger's facts*NodaTime*call StoreOptions.AddCooperationLedger() after choosing it*");
    }

    [Fact]
    public void A_store_not_configured_for_the_ledger_is_refused_with_the_call_that_configures_it()
    {
        using var store = DocumentStore.For(options => options.Connection(database.ConnectionString));

        var act = () => new Ledger(store);

        act.Should().Throw<InvalidOperationException>().WithMessage("*not configured for CooperationLedger*StoreOptions.AddCooperationLedger()*");
    }

    [Fact]
    public void A_store_that_keeps_streams_by_string_is_refused()
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(database.ConnectionString);
            options.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsString;
            options.AddCooperationLedger();
        });

        var act = () => new Ledger(store);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Events.StreamIdentity is AsString*");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_multi_tenanted_application_store_keeps_each_newsrooms_facts_apart(bool applicationDocumentsTenanted)
    {
        var schema = "joined_tenanted_" + applicationDocumentsTenanted.ToString().ToLowerInvariant();
        var services = new ServiceCollection().AddLogging();
        services.AddMarten(options =>
        {
            options.Connection(database.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.Events.DatabaseSchemaName = schema;
            options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
            if (applicationDocumentsTenanted)
            {
                options.Policies.AllDocumentsAreMultiTenanted();
            }
        });
        services.AddCooperationLedger(options => options.MultiTenant = true);
        await using var provider = services.BuildServiceProvider();
        var ledger = provider.GetRequiredService<Ledger>();

        await ledger.ForTenant("bishkek-desk").IngestAsync([Seeds.Facts]);

        var asOf = AsOf.Known(new LocalDate(2011, 12, 31));
        (await ledger.ForTenant("bishkek-desk").GetDonorTotalsAsync(asOf)).Totals.Should().Contain(total => total.Donor.Name == "China");
        (await ledger.ForTenant("almaty-desk").GetDonorTotalsAsync(asOf)).Totals.Should().BeEmpty("another newsroom's facts are not this one's");
    }

    [Fact]
    public async Task An_application_store_that_creates_nothing_says_to_migrate_until_it_is_migrated()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMarten(options =>
        {
            options.Connection(database.ConnectionString);
            options.DatabaseSchemaName = "joined_production";
            options.Events.DatabaseSchemaName = "joined_production";
            options.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        });
        services.AddCooperationLedger();
        await using var provider = services.BuildServiceProvider();
        var ledger = provider.GetRequiredService<Ledger>();

        var ingest = () => ledger.IngestAsync([Seeds.Facts]);
        var ask = () => ledger.GetDonorTotalsAsync(AsOf.Now);

        await ingest.Should().ThrowAsync<LedgerSchemaException>().WithMessage("*schema 'joined_production'*call Ledger.MigrateAsync()*Nothing was changed*");
        await ask.Should().ThrowAsync<LedgerSchemaException>().WithMessage("*call Ledger.MigrateAsync()*");
        await ledger.MigrateAsync();
        (await ledger.IngestAsync([Seeds.Facts])).FactsAppended.Should().BePositive();
        (await ledger.GetDonorTotalsAsync(AsOf.Now)).Totals.Should().NotBeEmpty();
    }

    [Fact]
    public void A_single_tenant_ledger_on_a_multi_tenanted_application_store_is_refused_naming_the_option()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddMarten(options =>
        {
            options.Connection(database.ConnectionString);
            options.DatabaseSchemaName = "joined_tenancy_mismatch";
            options.Events.DatabaseSchemaName = "joined_tenancy_mismatch";
            options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        });
        services.AddCooperationLedger();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<Ledger>();

        act.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*LedgerOptions.MultiTenant is False*multi-tenanted*");
    }

    public sealed class EditorsNote
    {
        public Guid Id { get; set; }

        public string Text { get; set; } = string.Empty;
    }

    public sealed record NoteWritten(string Text);

    public sealed class NoteCount
    {
        public Guid Id { get; set; }

        public int Count { get; set; }
    }

    public sealed class NoteCountProjection : MultiStreamProjection<NoteCount, Guid>
    {
        public static readonly Guid Everything = new("6d9f2a4e-0c1b-4f3a-9a57-2f0c3b1d8e11");

        public NoteCountProjection() => Identity<NoteWritten>(_ => Everything);

        public override NoteCount? Evolve(NoteCount? snapshot, Guid id, JasperFx.Events.IEvent e) =>
            e.Data is NoteWritten ? new NoteCount { Id = id, Count = (snapshot?.Count ?? 0) + 1 } : snapshot;
    }

    private sealed class FixedTimeProvider(Instant now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToDateTimeOffset();
    }
}
