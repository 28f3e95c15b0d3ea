using System.Net.Sockets;
using CooperationLedger.LocalCluster;
using Testcontainers.PostgreSql;

namespace CooperationLedger.Tests.Support;

/// <summary>
/// The one PostgreSQL server of a test run, chosen in this order: the connection string in
/// <c>COOPERATIONLEDGER_TEST_CONNECTION</c>; a Testcontainers PostgreSQL when a Docker engine answers; a throwaway
/// local cluster started from the machine's PostgreSQL binaries. With none of them, every database test fails at once
/// with a message that says how to get one.
/// </summary>
public static class TestServer
{
    public const string ConnectionVariable = "COOPERATIONLEDGER_TEST_CONNECTION";

    private static readonly Lazy<Task<Handle>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the connection string to the server's maintenance database, starting the server on first use.</summary>
    public static async Task<string> GetAdminConnectionStringAsync() => (await Server.Value.ConfigureAwait(false)).AdminConnectionString;

    /// <summary>Gets a sentence saying which kind of server this run uses.</summary>
    public static async Task<string> DescribeAsync() => (await Server.Value.ConfigureAwait(false)).Description;

    private static async Task<Handle> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Handle(configured, $"the server named by {ConnectionVariable}", () => ValueTask.CompletedTask);
        }

        if (await DockerAnswersAsync().ConfigureAwait(false))
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync().ConfigureAwait(false);
            return Register(new Handle(container.GetConnectionString(), "a Testcontainers PostgreSQL", container.DisposeAsync));
        }

        var binaries = PostgresBinaries.TryLocate() ?? throw new InvalidOperationException(
            "No PostgreSQL server for the tests. Set " + ConnectionVariable + " to a connection string of a server where the "
            + "user may create databases, or start a Docker engine, or install PostgreSQL's server programs "
            + "(Debian: 'apt-get install postgresql'; .ci/run does this) so that a throwaway cluster can be started.");
        var cluster = await LocalPostgresCluster.StartTemporaryAsync(binaries).ConfigureAwait(false);
        return Register(new Handle(cluster.ConnectionString, $"a throwaway local cluster from {binaries}", cluster.DisposeAsync));
    }

    private static Handle Register(Handle handle)
    {
        // xunit v2 has no assembly fixture: stop the server when the test host exits. A run killed outright leaves
        // its cluster behind, and the next run's LocalPostgresCluster.StartTemporaryAsync removes it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => handle.Stop().AsTask().GetAwaiter().GetResult();
        return handle;
    }

    private static async Task<bool> DockerAnswersAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socketPath = host is not null && host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : "/var/run/docker.sock";
        if (host is not null && !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            return true; // a remote engine was configured on purpose: let Testcontainers use it
        }

        if (!File.Exists(socketPath))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record Handle(string AdminConnectionString, string Description, Func<ValueTask> Stop);
}
