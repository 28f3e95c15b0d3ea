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
        await using var columns = new Npgsql.NpgsqlCommand("select count(*) from information_schema.columns where table_schema = 'shop' and table_name = 'mt_doc_donationentry' and column_name = 'pair_terms'", connection);
        ((long)(await columns.ExecuteScalarAsync())!).Should().Be(1, "the ledger joined the application's store, in its schema");
    }

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
