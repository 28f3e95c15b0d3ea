namespace CooperationLedger.LocalCluster;

/// <summary>
/// The folder of a PostgreSQL installation's server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) on this machine.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class PostgresBinaries
{
    private const string SearchRoot = "/usr/lib/postgresql";

    private PostgresBinaries(string directory) => Directory = directory;

    /// <summary>Gets the folder that holds <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
    public string Directory { get; }

    internal string InitDb => Path.Combine(Directory, "initdb");

    internal string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Gets <c>pg_basebackup</c>: beside <c>initdb</c>, else beside the program <c>initdb</c> links to (a folder on
    /// <c>PATH</c> may link only the server programs to the version's own folder, which holds the rest).
    /// </summary>
    internal string BaseBackup
    {
        get
        {
            var beside = Path.Combine(Directory, "pg_basebackup");
            var linked = new FileInfo(InitDb).ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.Combine(Path.GetDirectoryName(target.FullName)!, "pg_basebackup") : null;
            return File.Exists(beside) || linked is null || !File.Exists(linked) ? beside : linked;
        }
    }

    /// <summary>
    /// Finds the server programs: first a folder on <c>PATH</c> that holds both <c>initdb</c> and <c>pg_ctl</c>,
    /// then the newest <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    /// <returns>The binaries found, or <see langword="null"/> when this machine has none.</returns>
    public static PostgresBinaries? TryLocate() => TryLocate(null);

    /// <summary>
    /// Finds the server programs in <paramref name="directory"/> when one is given, else as <see cref="TryLocate()"/> does.
    /// </summary>
    /// <param name="directory">A folder that should hold <c>initdb</c> and <c>pg_ctl</c>, or <see langword="null"/> to search.</param>
    /// <returns>The binaries found, or <see langword="null"/>.</returns>
    public static PostgresBinaries? TryLocate(string? directory)
    {
        if (directory is not null)
        {
            return HasServerPrograms(directory) ? new PostgresBinaries(Path.GetFullPath(directory)) : null;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServerPrograms);
        if (onPath is not null)
        {
            return new PostgresBinaries(onPath);
        }

        if (!System.IO.Directory.Exists(SearchRoot))
        {
            return null;
        }

        var newest = System.IO.Directory.GetDirectories(SearchRoot)
            .Select(versionDirectory => (Version: ParseMajorVersion(Path.GetFileName(versionDirectory)), Bin: Path.Combine(versionDirectory, "bin")))
            .Where(candidate => candidate.Version > 0 && HasServerPrograms(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
        return newest is null ? null : new PostgresBinaries(newest);
    }

    /// <summary>Finds the server programs as <see cref="TryLocate(string)"/> does, or explains how to get them.</summary>
    /// <param name="directory">A folder that should hold the programs, or <see langword="null"/> to search.</param>
    /// <returns>The binaries found.</returns>
    /// <exception cref="PostgresUnavailableException">No PostgreSQL server programs are installed.</exception>
    public static PostgresBinaries Locate(string? directory = null) =>
        TryLocate(directory) ?? throw new PostgresUnavailableException(
            (directory is null
                ? "No PostgreSQL server programs (initdb, pg_ctl) were found on PATH or under /usr/lib/postgresql/*/bin. "
                : $"No PostgreSQL server programs (initdb, pg_ctl) were found in {directory}. ") +
            "Install them (Debian or Ubuntu: 'apt-get install postgresql'; macOS: 'brew install postgresql') " +
            "or point the ledger at a running server with a connection string.");

    /// <inheritdoc/>
    public override string ToString() => Directory;

    private static bool HasServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static int ParseMajorVersion(string name) => int.TryParse(name, out var version) ? version : 0;
}
