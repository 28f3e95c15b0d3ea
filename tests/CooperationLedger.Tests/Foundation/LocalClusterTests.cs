using System.Diagnostics;
using CooperationLedger.LocalCluster;
using CooperationLedger.Tests.Support;
using Npgsql;

namespace CooperationLedger.Tests.Foundation;

public sealed class LocalClusterTests
{
    [Fact]
    public async Task A_temporary_cluster_answers_queries_and_leaves_nothing_behind_when_disposed()
    {
        var cluster = await LocalPostgresCluster.StartTemporaryAsync();
        var root = cluster.RootDirectory;

        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("show fsync", connection);
            (await command.ExecuteScalarAsync()).Should().Be("off", "a test cluster trades durability for speed");
        }

        (await LedgerInspection.SettingMegabytesAsync(cluster.ConnectionString, "shared_buffers")).Should().Be(
            Math.Min(256, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / (1024 * 1024)),
            "unless asked otherwise the server caches pages in a desktop's 256 MB, within a quarter of the machine");

        await cluster.DisposeAsync();

        Directory.Exists(root).Should().BeFalse();
    }

    [Fact]
    public async Task A_standby_streams_what_the_primary_commits_takes_reads_refuses_writes_and_leaves_nothing_behind()
    {
        await using var primary = await LocalPostgresCluster.StartTemporaryAsync();
        await ExecuteAsync(primary.ConnectionString, "create table ledger_note (id int primary key); insert into ledger_note values (1)");

        var standby = await primary.StartStandbyAsync();
        var root = standby.RootDirectory;
        await ExecuteAsync(primary.ConnectionString, "insert into ledger_note values (2)");

        standby.IsStandby.Should().BeTrue();
        standby.SocketDirectory.Should().NotBe(primary.SocketDirectory);
        (await ScalarAsync(standby.ConnectionString, "select pg_is_in_recovery()")).Should().Be(true);
        (await ScalarAsync(primary.ConnectionString, "select count(*) from pg_stat_replication where state = 'streaming'")).Should().Be(1L, "the standby streams from the primary");
        var replayed = await WaitForAsync(async () => (long)(await ScalarAsync(standby.ConnectionString, "select count(*) from ledger_note"))! == 2, TimeSpan.FromSeconds(30));
        replayed.Should().BeTrue("a row the primary committed after the copy reaches the standby");
        var write = () => ExecuteAsync(standby.ConnectionString, "insert into ledger_note values (3)");
        (await write.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.ReadOnlySqlTransaction);

        await standby.DisposeAsync();

        Directory.Exists(root).Should().BeFalse();
        (await ScalarAsync(primary.ConnectionString, "select count(*) from ledger_note")).Should().Be(2L, "the primary is not changed by its standby");
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    [Theory]
    [InlineData(24L << 30, null, 256, 12288)]
    [InlineData(24L << 30, 1024L, 1024, 12288)]
    [InlineData(24L << 30, 8192L, 6144, 12288)]
    [InlineData(2L << 30, 1024L, 512, 1024)]
    [InlineData(512L << 20, null, 128, 256)]
    [InlineData(64L << 30, 8192L, 8192, 32768)]
    public void A_cluster_caches_the_buffers_asked_256_MB_by_default_never_above_a_quarter_of_the_machine_and_plans_for_half(
        long machine, long? askedMegabytes, long sharedBuffers, long effectiveCacheSize)
    {
        var asked = askedMegabytes is { } megabytes ? SharedBuffers.FromMegabytes(megabytes) : null;

        var memory = ServerMemory.For(machine, asked);

        memory.Should().Be(new ServerMemory(sharedBuffers, effectiveCacheSize));
        memory.ToConfiguration().Should().Be($"{ServerMemory.Marker}\nshared_buffers = {sharedBuffers}MB\neffective_cache_size = {effectiveCacheSize}MB\n");
    }

    [Theory]
    [InlineData("512MB", 512)]
    [InlineData("1GB", 1024)]
    [InlineData("2gb", 2048)]
    [InlineData(" 64 MB ", 64)]
    public void A_size_of_buffers_is_read_in_megabytes_or_gigabytes(string text, long megabytes) =>
        SharedBuffers.Parse(text).Should().Be(SharedBuffers.FromMegabytes(megabytes));

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("512")]
    [InlineData("0MB")]
    [InlineData("-1GB")]
    [InlineData("1.5GB")]
    [InlineData("512kB")]
    [InlineData("1TB")]
    [InlineData("99999999999999999999MB")]
    [InlineData("9007199254740993GB")]
    public void A_size_of_buffers_that_is_not_a_whole_number_of_megabytes_or_gigabytes_is_refused_saying_what_is_expected(string text)
    {
        var read = () => SharedBuffers.Parse(text);

        read.Should().Throw<FormatException>().WithMessage($"'{text}' is not a size*such as 512MB or 1GB.");
    }

    [Fact]
    public void A_size_of_no_megabytes_cannot_be_made() =>
        FluentActions.Invoking(() => SharedBuffers.FromMegabytes(0)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void The_memory_settings_replace_an_earlier_version_s_where_they_stand_so_that_the_user_s_later_lines_still_win()
    {
        var memory = new ServerMemory(256, 12288);
        var earlier = $"port = 5432\n\n{ServerMemory.EarlierMarker}\nshared_buffers = 6144MB\neffective_cache_size = 18432MB\nwork_mem = 64MB\n";

        var written = memory.WriteInto(earlier);

        written.Should().Be($"port = 5432\n\n{ServerMemory.Marker}\nshared_buffers = 256MB\neffective_cache_size = 12288MB\nwork_mem = 64MB\n");
        memory.WriteInto(written).Should().Be(written, "settings already written are left as they are");
        memory.WriteInto("port = 5432\n").Should().Be($"port = 5432\n\n{memory.ToConfiguration()}", "a cluster that never had them gets them last");
    }

    [Fact]
    public async Task A_cluster_abandoned_by_a_dead_process_is_stopped_and_removed_by_the_next_start()
    {
        var abandoned = await LocalPostgresCluster.StartTemporaryAsync();
        var postmasterPid = int.Parse(File.ReadLines(Path.Combine(abandoned.DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(abandoned.RootDirectory, "owner"), $"{await DeadProcessIdAsync()} 0");

        await using var next = await LocalPostgresCluster.StartTemporaryAsync();

        Directory.Exists(abandoned.RootDirectory).Should().BeFalse("the next run removes what a killed run left");
        (await HasEndedAsync(postmasterPid)).Should().BeTrue("the abandoned server was stopped");
    }

    [Fact]
    public async Task A_persistent_cluster_keeps_its_data_between_starts_and_reports_its_state() =>
        await WithPersistentRootAsync(async root =>
        {
            (await LocalPostgresCluster.GetStateAsync(root)).Should().Be(LocalClusterState.NotCreated);

            var first = await LocalPostgresCluster.StartPersistentAsync(root);
            var connectionString = await first.EnsureDatabaseAsync("ledger");
            await ExecuteAsync(connectionString, "create table kept (value text); insert into kept values ('survives')");
            (await LocalPostgresCluster.GetStateAsync(root)).Should().Be(LocalClusterState.Running);

            NpgsqlConnection.ClearAllPools();
            (await LocalPostgresCluster.StopPersistentAsync(root)).Should().BeTrue();
            (await LocalPostgresCluster.GetStateAsync(root)).Should().Be(LocalClusterState.Stopped);

            var second = await LocalPostgresCluster.StartPersistentAsync(root);
            await using var connection = new NpgsqlConnection(await second.EnsureDatabaseAsync("ledger"));
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("select value from kept", connection);
            (await read.ExecuteScalarAsync()).Should().Be("survives");
        });

    [Fact]
    public async Task A_persistent_cluster_sized_by_an_earlier_version_gets_the_default_at_its_next_start_and_a_size_asked_at_the_one_after() =>
        await WithPersistentRootAsync(async root =>
        {
            var cluster = await LocalPostgresCluster.StartPersistentAsync(root);
            NpgsqlConnection.ClearAllPools();
            await LocalPostgresCluster.StopPersistentAsync(root);
            var configuration = Path.Combine(cluster.DataDirectory, "postgresql.conf");
            var text = await File.ReadAllTextAsync(configuration);
            await File.WriteAllTextAsync(
                configuration,
                text[..text.IndexOf(ServerMemory.Marker, StringComparison.Ordinal)] + $"{ServerMemory.EarlierMarker}\nshared_buffers = 6144MB\neffective_cache_size = 18432MB\n");

            var restarted = await LocalPostgresCluster.StartPersistentAsync(root);

            var sized = new ServerMemory(
                await LedgerInspection.SettingMegabytesAsync(restarted.ConnectionString, "shared_buffers"),
                await LedgerInspection.SettingMegabytesAsync(restarted.ConnectionString, "effective_cache_size"));
            sized.Should().Be(ServerMemory.ForThisMachine(null));
            var rewritten = await File.ReadAllTextAsync(configuration);
            rewritten.Should().NotContain(ServerMemory.EarlierMarker).And.NotContain("6144MB");
            rewritten.Split(ServerMemory.Marker).Should().HaveCount(2, "the settings are written once, not again at every start");

            NpgsqlConnection.ClearAllPools();
            await LocalPostgresCluster.StopPersistentAsync(root);
            var asked = await LocalPostgresCluster.StartPersistentAsync(root, sharedBuffers: SharedBuffers.FromMegabytes(160));
            (await LedgerInspection.SettingMegabytesAsync(asked.ConnectionString, "shared_buffers")).Should().Be(160);
        });

    [Fact]
    public async Task A_database_name_that_is_not_a_plain_identifier_is_refused()
    {
        var server = await TestClusterAsync();
        var act = () => server.EnsureDatabaseAsync("ledger\"; drop database postgres; --");
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*not a plain identifier*");
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Connections_that_create_the_same_database_at_once_all_succeed_and_make_one()
    {
        await using var server = await TestClusterAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => server.EnsureDatabaseAsync("raced")));

        created.Should().AllBe(server.ConnectionStringFor("raced"));
        (await LedgerInspection.ScalarAsync(server.ConnectionString, "select count(*) from pg_database where datname = $1", "raced")).Should().Be(1L);
    }

    [Fact]
    public async Task A_data_folder_left_half_made_by_a_first_start_that_was_killed_is_made_again() =>
        await WithPersistentRootAsync(async root =>
        {
            var halfMade = Directory.CreateDirectory(Path.Combine(root, "data.creating"));
            await File.WriteAllTextAsync(Path.Combine(halfMade.FullName, "PG_VERSION"), "15\n");
            (await LocalPostgresCluster.GetStateAsync(root)).Should().Be(LocalClusterState.NotCreated, "initdb had not finished");

            var cluster = await LocalPostgresCluster.StartPersistentAsync(root);

            (await LedgerInspection.ScalarAsync(cluster.ConnectionString, "select 1")).Should().Be(1);
            Directory.Exists(halfMade.FullName).Should().BeFalse();
        });

    [Fact]
    public async Task A_cluster_lock_held_by_another_process_makes_the_next_wait_and_is_released_when_that_process_is_killed()
    {
        var root = Path.Combine(Path.GetTempPath(), "ledger-lock-" + Guid.NewGuid().ToString("N")[..8], "cluster");
        var lockFile = ClusterLock.PathFor(root);
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        using var holder = Process.Start(new ProcessStartInfo("flock", [lockFile, "-c", "echo locked; exec sleep 600"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        })!;
        try
        {
            (await holder.StandardOutput.ReadLineAsync()).Should().Be("locked");

            var wait = () => ClusterLock.AcquireAsync(root, TimeSpan.FromSeconds(1), CancellationToken.None);
            (await wait.Should().ThrowAsync<PostgresUnavailableException>()).WithMessage($"*has held the lock*{lockFile}*");

            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
            using var taken = await ClusterLock.AcquireAsync(root, TimeSpan.FromSeconds(10), CancellationToken.None);
            File.Exists(lockFile).Should().BeTrue("the lock is the kernel's on the open file, which stays in place");
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }

            Directory.Delete(Path.GetDirectoryName(lockFile)!, recursive: true);
        }
    }

    private static Task<LocalPostgresCluster> TestClusterAsync() => LocalPostgresCluster.StartTemporaryAsync();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Runs <paramref name="test"/> on a folder for a persistent cluster, then stops that cluster and deletes the folder
    /// and the lock file beside it.
    /// </summary>
    private static async Task WithPersistentRootAsync(Func<string, Task> test)
    {
        var root = Path.Combine(Path.GetTempPath(), "ledger-persistent-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await test(root);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await LocalPostgresCluster.StopPersistentAsync(root);
            Directory.Delete(root, recursive: true);
            File.Delete(ClusterLock.PathFor(root));
        }
    }

    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    /// <summary>
    /// pg_ctl returns once the server has removed its pid file, a moment before the process is gone; a process that has
    /// ended but not been reaped yet (state Z) has ended too.
    /// </summary>
    private static async Task<bool> HasEndedAsync(int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return true;
            }

            var text = await File.ReadAllTextAsync(stat);
            if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
