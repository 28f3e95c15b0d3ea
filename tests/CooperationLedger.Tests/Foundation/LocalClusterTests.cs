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

        (await MegabytesAsync(cluster.ConnectionString, "shared_buffers")).Should().Be(
            ServerMemory.ForThisMachine().SharedBuffersMegabytes,
            "the server caches pages in memory sized to the machine, not in PostgreSQL's default 128 MB");

        await cluster.DisposeAsync();

        Directory.Exists(root).Should().BeFalse();
    }

    [Theory]
    [InlineData(24L << 30, 6144, 18432)]
    [InlineData(1L << 30, 256, 4096)]
    [InlineData(256L << 20, 128, 4096)]
    [InlineData(64L << 30, 8192, 49152)]
    public void A_cluster_caches_a_quarter_of_the_machine_s_memory_within_PostgreSQL_s_default_and_8_GB(long machine, long sharedBuffers, long effectiveCacheSize)
    {
        var memory = ServerMemory.For(machine);

        memory.Should().Be(new ServerMemory(sharedBuffers, effectiveCacheSize));
        memory.ToConfiguration().Should().Be($"shared_buffers = {sharedBuffers}MB\neffective_cache_size = {effectiveCacheSize}MB\n");
    }

    [Fact]
    public async Task A_cluster_abandoned_by_a_dead_process_is_stopped_and_removed_by_the_next_start()
    {
        var abandoned = await LocalPostgresCluster.StartTemporaryAsync();
        var postmasterPid = int.Parse(File.ReadLines(Path.Combine(abandoned.DataDirectory, "postmaster.pid")).First());
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
    public async Task A_persistent_cluster_created_before_its_memory_was_sized_is_sized_at_its_next_start_and_only_once() =>
        await WithPersistentRootAsync(async root =>
        {
            var cluster = await LocalPostgresCluster.StartPersistentAsync(root);
            NpgsqlConnection.ClearAllPools();
            await LocalPostgresCluster.StopPersistentAsync(root);
            var configuration = Path.Combine(cluster.DataDirectory, "postgresql.conf");
            var text = await File.ReadAllTextAsync(configuration);
            await File.WriteAllTextAsync(configuration, text[..text.IndexOf(ServerMemory.Marker, StringComparison.Ordinal)]);

            await LocalPostgresCluster.StartPersistentAsync(root);
            NpgsqlConnection.ClearAllPools();
            await LocalPostgresCluster.StopPersistentAsync(root);
            var restarted = await LocalPostgresCluster.StartPersistentAsync(root);

            var sized = new ServerMemory(
                await MegabytesAsync(restarted.ConnectionString, "shared_buffers"),
                await MegabytesAsync(restarted.ConnectionString, "effective_cache_size"));
            sized.Should().Be(ServerMemory.ForThisMachine());
            (await File.ReadAllTextAsync(configuration)).Split(ServerMemory.Marker).Should().HaveCount(2, "the settings are written once, not at every start");
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

    /// <summary>Runs <paramref name="test"/> on a folder for a persistent cluster, then stops that cluster and deletes the folder.</summary>
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
        }
    }

    /// <summary>Gets a memory setting of the running server, in megabytes.</summary>
    private static async Task<long> MegabytesAsync(string connectionString, string setting) =>
        (long)(await LedgerInspection.ScalarAsync(connectionString, "select setting::bigint * pg_size_bytes(unit) / (1024 * 1024) from pg_settings where name = $1", setting))!;

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
