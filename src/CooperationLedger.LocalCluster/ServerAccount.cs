using System.Runtime.InteropServices;

namespace CooperationLedger.LocalCluster;

/// <summary>
/// The operating-system account that runs the server. PostgreSQL refuses to run as root, so when this process is root
/// the server runs as an unprivileged account (<c>postgres</c> when it exists, else <c>nobody</c>) through <c>runuser</c>.
/// </summary>
internal sealed class ServerAccount
{
    /// <summary>The accounts a root process runs the server as, in the order tried.</summary>
    private static readonly string[] UnprivilegedAccounts = ["postgres", "nobody"];

    private ServerAccount(string? userName) => UserName = userName;

    /// <summary>Gets the account to switch to, or <see langword="null"/> to run as the current user.</summary>
    public string? UserName { get; }

    public bool SwitchesUser => UserName is not null;

    public static ServerAccount ForCurrentProcess()
    {
        if (!OperatingSystem.IsLinux() || geteuid() != 0)
        {
            return new ServerAccount(null);
        }

        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : [];
        var user = UnprivilegedAccounts
            .FirstOrDefault(name => passwd.Any(line => line.StartsWith(name + ":", StringComparison.Ordinal)));
        return user is null
            ? throw new PostgresUnavailableException(
                "This process runs as root and PostgreSQL refuses to; no unprivileged account ('postgres' or 'nobody') was found to run it as.")
            : new ServerAccount(user);
    }

    /// <summary>Gives the server account ownership of a folder it must write to.</summary>
    public async Task TakeOwnershipAsync(string directory, CancellationToken cancellationToken)
    {
        if (UserName is not null)
        {
            await CommandRunner.RunAsync("chown", ["-R", UserName, directory], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lets the server account reach a folder under a private home (such as <c>/root/.local/share</c>): adds the
    /// search (traverse) permission for others to each ancestor that lacks it. No listing or reading is granted.
    /// </summary>
    public Task MakeTraversableAsync(string directory, CancellationToken cancellationToken)
    {
        if (UserName is null || !OperatingSystem.IsLinux())
        {
            return Task.CompletedTask;
        }

        for (var current = Path.GetDirectoryName(Path.GetFullPath(directory)); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            var mode = File.GetUnixFileMode(current);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(current, mode | UnixFileMode.OtherExecute);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs a server program as this account.</summary>
    public Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        UserName is null
            ? CommandRunner.RunAsync(program, arguments, cancellationToken)
            : CommandRunner.RunAsync("runuser", ["-u", UserName, "--", program, .. arguments], cancellationToken);

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
