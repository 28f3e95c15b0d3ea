using System.Diagnostics;
using System.Text.RegularExpressions;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Packaging;

/// <summary>
/// Packs the library, and builds and runs a fresh console application outside the solution that references the package
/// by version from a folder: what a project reference would hide (a missing dependency, an internal type in the public
/// API, documentation not packed) fails here. Its programs are the two examples in README.md, "Use it from your application".
/// </summary>
public sealed class PackageConsumerTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("ledger-consumer-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public async Task Fresh_applications_reference_the_package_with_a_store_of_their_own_or_joining_theirs()
    {
        var version = $"0.1.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var feed = Path.Combine(work, "feed");
        var pack = await RunAsync("dotnet", ["pack", Path.Combine(RepositoryRoot.Folder, "src", "CooperationLedger"), "-c", "Release", "-o", feed, $"-p:Version={version}"], RepositoryRoot.Folder);
        pack.ExitCode.Should().Be(0, pack.Output);
        var package = Path.Combine(feed, $"CooperationLedger.{version}.nupkg");
        File.Exists(package).Should().BeTrue();
        File.Exists(Path.Combine(feed, $"CooperationLedger.{version}.snupkg")).Should().BeTrue("a symbols package is made beside it");
        using (var archive = System.IO.Compression.ZipFile.OpenRead(package))
        {
            archive.Entries.Select(entry => entry.FullName).Should().Contain(["lib/net10.0/CooperationLedger.dll", "lib/net10.0/CooperationLedger.xml", "PACKAGE.md"]);
        }

        var consumer = await BuildAsync("consumer", version, feed, ReadmeExample("consumer-example"));
        var run = await RunAsync("dotnet", ["run", "--project", consumer, "--", database.ConnectionString], consumer);

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("China -> Kyrgyz State Committee for National Security: pledged 21000000 KGS")
            .And.Contain("Keneshbek Dushebayev: \"China, this year, will donate equipment")
            .And.Contain("Central Asia Online");

        var joined = await BuildAsync("joined", version, feed, ReadmeExample("joined-example"));
        run = await RunAsync("dotnet", ["run", "--project", joined, "--", database.ConnectionString, Seeds.Facts], joined);

        run.ExitCode.Should().Be(0, run.Output);
        var totals = System.Text.Json.JsonDocument.Parse(run.Output).RootElement;
        totals.GetProperty("totals").EnumerateArray().Select(total => total.GetProperty("recipient").GetProperty("id").GetString())
            .Should().Contain("kg-gknb", "a country's name finds the donations to its agencies");
        totals.GetProperty("asOf").GetProperty("rule").GetString().Should().Be("certainly", "enums are written as words");
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var columns = new Npgsql.NpgsqlCommand("select count(*) from information_schema.columns where table_schema = 'shop' and table_name = 'ledger_facts' and column_name = 'pair_terms'", connection);
        ((long)(await columns.ExecuteScalarAsync())!).Should().Be(1, "the ledger joined the application's store, in its schema");

        var variants = await BuildAsync("variants", version, feed, JoinedStoreProgram);
        var answers = new Dictionary<string, string>();
        foreach (var variant in new[] { "marten_defaults", "stj_default_casing", "stj_camel_case", "stj_snake_case" })
        {
            run = await RunAsync("dotnet", ["run", "--project", variants, "--", database.ConnectionString, Seeds.Facts, variant], variants);
            run.ExitCode.Should().Be(0, $"{variant}: {run.Output}");
            answers[variant] = run.Output;
        }

        answers.Values.Should().AllBe(answers["stj_camel_case"], "every serializer an application may choose keeps and answers the same facts");
        answers["marten_defaults"].Should().Contain("notes 1, note projection 1").And.Contain("correlation yes").And.Contain("recorded 2026-03-04T05:06:00Z");
    }

    /// <summary>
    /// An application with a Marten store of its own (serializer as its first argument says, its own document, projection
    /// and clock) that adds the ledger, ingests the seeds, asks every question, audits a figure and exports the facts,
    /// and prints what it got: the same for every serializer.
    /// </summary>
    private const string JoinedStoreProgram = """
        using System.Text.Json;
        using CooperationLedger;
        using CooperationLedger.Facts;
        using CooperationLedger.Hosting;
        using JasperFx.Events;
        using JasperFx.Events.Projections;
        using Marten;
        using Marten.Events.Projections;
        using Microsoft.Extensions.DependencyInjection;
        using Weasel.Core;

        var services = new ServiceCollection();
        services.AddMarten(options =>
        {
            options.Connection(args[0]);
            options.DatabaseSchemaName = "variant_" + args[2];
            options.Events.DatabaseSchemaName = "variant_" + args[2];
            options.Events.TimeProvider = new FixedTime();
            options.Projections.Add<NoteCounts>(ProjectionLifecycle.Inline);
            if (args[2] == "stj_default_casing") options.UseSystemTextJsonForSerialization(EnumStorage.AsInteger, Casing.Default);
            if (args[2] == "stj_camel_case") options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            if (args[2] == "stj_snake_case") options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.SnakeCase);
        });
        services.AddCooperationLedger();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Store(new Note { Id = Guid.NewGuid(), Text = "check the GKNB figure" });
            session.Events.StartStream(Guid.NewGuid(), new NoteWritten("first"));
            await session.SaveChangesAsync();
        }

        var ledger = provider.GetRequiredService<Ledger>();
        await ledger.IngestAsync([args[1]]);
        var known = AsOf.Known(new NodaTime.LocalDate(2011, 12, 31));
        var donors = await ledger.GetDonorTotalsAsync(known);
        Console.WriteLine(JsonSerializer.Serialize(donors, LedgerJson.Options));
        Console.WriteLine(JsonSerializer.Serialize(await ledger.GetClaimedStatisticsAsync(AsOf.Now), LedgerJson.Options));
        Console.WriteLine(JsonSerializer.Serialize(await ledger.GetAgreementsAsync(AsOf.Now, "China", "Kyrgyzstan"), LedgerJson.Options));
        Console.WriteLine(JsonSerializer.Serialize(await ledger.GetTimelineAsync(AsOf.Now, "KG"), LedgerJson.Options));
        var trail = (await ledger.AuditAsync(donors.Totals[0].Sources[0].FactId))!;
        Console.WriteLine(JsonSerializer.Serialize(trail.Fact, LedgerJson.Options));
        Console.WriteLine($"correlation {(trail.Recorded.CorrelationId is null ? "no" : "yes")}, recorded {trail.Recorded.RecordedAt}");
        await foreach (var fact in ledger.ReadFactsAsync())
        {
            Console.WriteLine(JsonSerializer.Serialize(fact.Fact, LedgerJson.Options));
        }

        await using var query = store.QuerySession();
        Console.WriteLine($"notes {await query.Query<Note>().CountAsync()}, note projection {(await query.Query<NoteCount>().SingleAsync()).Count}");

        public sealed class Note { public Guid Id { get; set; } public string Text { get; set; } = ""; }
        public sealed record NoteWritten(string Text);
        public sealed class NoteCount { public Guid Id { get; set; } public int Count { get; set; } }
        public sealed class NoteCounts : MultiStreamProjection<NoteCount, Guid>
        {
            private static readonly Guid All = new("6d9f2a4e-0c1b-4f3a-9a57-2f0c3b1d8e11");
            public NoteCounts() => Identity<NoteWritten>(_ => All);
            public override NoteCount? Evolve(NoteCount? snapshot, Guid id, IEvent e) =>
                e.Data is NoteWritten ? new NoteCount { Id = id, Count = (snapshot?.Count ?? 0) + 1 } : snapshot;
        }

        public sealed class FixedTime : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => new(2026, 3, 4, 5, 6, 0, TimeSpan.Zero);
        }
        """;

    /// <summary>Writes a console application outside the solution that references the packed library by version.</summary>
    private async Task<string> BuildAsync(string name, string version, string feed, string program)
    {
        var app = Path.Combine(work, name);
        Directory.CreateDirectory(app);
        await File.WriteAllTextAsync(Path.Combine(app, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CooperationLedger" Version="{version}" />
                <PackageReference Include="Npgsql" Version="10.0.3" />
                <PackageReference Include="Microsoft.Extensions.Configuration" Version="10.0.0" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                <add key="ledger" value="{feed}" />
                <add key="patched-lock" value="{Path.Combine(RepositoryRoot.Folder, "eng", "feed")}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), program);
        return app;
    }

    /// <summary>The C# block between the <paramref name="marker"/> markers of README.md.</summary>
    private static string ReadmeExample(string marker)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Folder, "README.md"));
        var match = Regex.Match(readme, $@"<!-- {marker}:start -->\s*```csharp\n(?<code>.*?)```\s*<!-- {marker}:end -->", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"README.md holds the {marker} program between its markers");
        return match.Groups["code"].Value;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, string folder)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
