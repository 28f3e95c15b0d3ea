using CooperationLedger.Answers;
using CooperationLedger.Facts;
using CooperationLedger.Storage;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Reliability;

/// <summary>
/// A command run with the wrong tenancy for its schema, a read of a ledger never ingested, and a database user without
/// the right to create: each is told what is wrong in one sentence, and nothing in the database changes.
/// </summary>
public sealed class SchemaGuardTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private Dictionary<string, string?> Environment => new() { ["COOPERATIONLEDGER_CONNECTION"] = database.ConnectionString };

    [Fact]
    public async Task A_read_without_the_tenant_of_a_tenanted_schema_is_refused_and_the_tenant_keeps_its_answers()
    {
        (await CliRunner.InProcessAsync(Environment, "--schema", "guard_tn", "--tenant", "a", "ingest", Seeds.Facts)).ExitCode.Should().Be(0);
        var columnsBefore = await TenantColumnsAsync("guard_tn");

        var plain = await CliRunner.InProcessAsync(Environment, "--schema", "guard_tn", "donors");
        var tenant = await CliRunner.InProcessAsync(Environment, "--schema", "guard_tn", "--tenant", "a", "donors", "--json");

        plain.ExitCode.Should().Be(2);
        plain.Error.Should().Contain("is multi-tenanted").And.Contain("--tenant").And.Contain("Nothing was changed");
        (await TenantColumnsAsync("guard_tn")).Should().Be(columnsBefore).And.BeGreaterThan(0);
        tenant.ExitCode.Should().Be(0, tenant.Error);
        tenant.Output.Should().Contain("\"cn\"", "tenant a's donations are all still there");
    }

    [Fact]
    public async Task An_ingest_with_a_tenant_into_a_plain_schema_is_refused_before_it_adds_tenant_columns()
    {
        (await CliRunner.InProcessAsync(Environment, "--schema", "guard_plain", "ingest", Seeds.Facts)).ExitCode.Should().Be(0);

        var run = await CliRunner.InProcessAsync(Environment, "--schema", "guard_plain", "--tenant", "foo", "ingest", Seeds.Facts);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("is not multi-tenanted");
        (await TenantColumnsAsync("guard_plain")).Should().Be(0);
    }

    [Fact]
    public async Task The_library_refuses_a_store_of_the_other_tenancy_with_a_schema_exception()
    {
        await using (var tenanted = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "guard_lib", MultiTenant = true }))
        {
            await tenanted.ForTenant("a").IngestAsync([Seeds.FactFile("cao-2011-gknb-cooperation")]);
        }

        await using var plain = Ledger.Connect(database.ConnectionString, new LedgerStoreSettings { Schema = "guard_lib" });
        var query = () => plain.GetDonorTotalsAsync(AsOf.Now);
        var migrate = () => plain.MigrateAsync();

        await query.Should().ThrowAsync<LedgerSchemaException>();
        await migrate.Should().ThrowAsync<LedgerSchemaException>();
        (await TenantColumnsAsync("guard_lib")).Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("export", "--format", "csv")]
    [InlineData("verify")]
    [InlineData("donors", "--json")]
    [InlineData("claims")]
    [InlineData("agreements")]
    [InlineData("timeline")]
    [InlineData("report")]
    public async Task A_ledger_never_ingested_answers_as_empty_and_no_read_creates_anything(params string[] command)
    {
        var run = await CliRunner.InProcessAsync(Environment, ["--schema", "guard_empty", .. command]);

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().NotContain("42P01").And.NotContain("Exception");
        (await LedgerInspection.ScalarAsync(database.ConnectionString, "select count(*) from information_schema.schemata where schema_name = 'guard_empty'")).Should().Be(0L);
    }

    [Fact]
    public async Task A_dry_run_on_a_ledger_never_ingested_checks_the_files_and_creates_nothing()
    {
        var run = await CliRunner.InProcessAsync(Environment, "--schema", "guard_dry", "ingest", "--dry-run", Seeds.Facts);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("48 facts would be appended");
        (await LedgerInspection.ScalarAsync(database.ConnectionString, "select count(*) from information_schema.schemata where schema_name = 'guard_dry'")).Should().Be(0L);
    }

    [Fact]
    public async Task A_user_without_the_right_to_create_is_told_so_in_one_line()
    {
        await LedgerInspection.ScalarAsync(database.ConnectionString, "drop role if exists guard_reader; create role guard_reader login password 'reader-secret'; revoke create on database " + await DatabaseNameAsync() + " from public; revoke create on schema public from public");
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = "guard_reader", Password = "reader-secret" }.ConnectionString;

        var run = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = connection }, "--schema", "guard_denied", "ingest", Seeds.Facts);

        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain("permission denied").And.Contain("CREATE privilege").And.NotContain("reader-secret");
        run.Error.Trim().Split('\n').Should().HaveCountLessThanOrEqualTo(3, "no DDL is printed");
    }

    [Fact]
    public async Task A_user_who_may_not_read_the_ledger_is_told_so_and_never_that_it_is_empty()
    {
        (await CliRunner.InProcessAsync(Environment, "--schema", "guard_private", "ingest", Seeds.Facts)).ExitCode.Should().Be(0);
        await LedgerInspection.ScalarAsync(database.ConnectionString, "drop role if exists guard_outsider; create role guard_outsider login; grant usage on schema guard_private to guard_outsider");
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = "guard_outsider" }.ConnectionString;

        var donors = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = connection }, "--schema", "guard_private", "donors");
        var export = await CliRunner.InProcessAsync(new Dictionary<string, string?> { ["COOPERATIONLEDGER_CONNECTION"] = connection }, "--schema", "guard_private", "export", "--format", "csv");

        donors.ExitCode.Should().Be(3, donors.All);
        donors.Error.Should().Contain("permission denied").And.Contain("SELECT");
        donors.Output.Should().NotContain("none");
        export.ExitCode.Should().Be(3, export.All);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Password=SuperSecret123")]
    [InlineData("Host=;Database=ledger;Password=SuperSecret123")]
    public async Task A_connection_string_that_names_no_server_is_a_usage_error(string connection)
    {
        var run = await CliRunner.InProcessAsync(null, "--connection", connection, "donors");

        run.ExitCode.Should().Be(2, run.All);
        run.Error.Should().Contain("names no server").And.NotContain("Exception").And.NotContain("SuperSecret123");
    }

    private async Task<string> DatabaseNameAsync() => (string)(await LedgerInspection.ScalarAsync(database.ConnectionString, "select current_database()"))!;

    private Task<long> TenantColumnsAsync(string schema) =>
        LedgerInspection.ScalarAsync(database.ConnectionString, "select count(*) from information_schema.columns where table_schema = $1 and table_name like 'mt_doc_%' and column_name = 'tenant_id'", schema)
            .ContinueWith(task => (long)task.Result!, TaskScheduler.Default);
}
