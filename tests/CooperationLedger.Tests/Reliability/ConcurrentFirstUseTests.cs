using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// Writers that start at the same moment: on a new schema they take turns to create its tables, and two that give one
/// actor key to two entities cannot both be appended, whichever commits first.
/// </summary>
public sealed class ConcurrentFirstUseTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string corpus = Directory.CreateTempSubdirectory("ledger-first-use-").FullName;

    private Dictionary<string, string?> Environment => new() { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString };

    public void Dispose() => Directory.Delete(corpus, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Three_ingests_started_at_once_on_a_new_schema_all_succeed(int round)
    {
        var schema = $"first_use_{round}";

        var runs = await Task.WhenAll(
            CliRunner.InProcessAsync(Environment, "--schema", schema, "ingest", Seeds.FactFile("edm-2006-v3-i223")),
            CliRunner.InProcessAsync(Environment, "--schema", schema, "ingest", Seeds.FactFile("cao-2011-gknb-cooperation")),
            CliRunner.InProcessAsync(Environment, "--schema", schema, "ingest", Seeds.FactFile("edm-2007-v4-i101")));

        runs.Should().AllSatisfy(run => run.ExitCode.Should().Be(0, run.All));
        runs.Should().AllSatisfy(run => run.Error.Should().NotContain("CREATE TABLE"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Two_ingests_at_once_that_give_one_key_to_two_entities_are_not_both_appended(int round)
    {
        var schema = $"key_race_{round}";
        var china = Write($"china-{round}", "cn: { kind: country, name: China, country: CN }");
        var canada = Write($"canada-{round}", "cn: { kind: country, name: Canada, country: CA }");
        (await CliRunner.InProcessAsync(Environment, "--schema", schema, "ingest", Seeds.FactFile("edm-2006-v3-i223"))).ExitCode.Should().Be(0, "the tables exist before the race");

        var runs = await Task.WhenAll(
            CliRunner.InProcessAsync(Environment, "--schema", schema, "ingest", china),
            CliRunner.InProcessAsync(Environment, "--schema", schema, "ingest", canada));

        runs.Count(run => run.ExitCode == 0).Should().Be(1, string.Join("\n", runs.Select(run => run.All)));
        runs.Single(run => run.ExitCode != 0).Error.Should().Contain("actors.cn");
        var donors = await CliRunner.InProcessAsync(Environment, "--schema", schema, "donors", "--donor", "CN", "--json");
        donors.Output.Should().Contain("radio-sets", donors.All).And.Match(json => !(json.Contains("\"China\"", StringComparison.Ordinal) && json.Contains("\"Canada\"", StringComparison.Ordinal)));
    }

    private string Write(string documentKey, string cn) => ActorVariants.Write(corpus, documentKey, documentKey, cn);
}
