namespace CooperationLedger.LocalCluster;

/// <summary>A program that this project runs (initdb, pg_ctl) exited with a failure code.</summary>
internal sealed class CommandFailedException(string program, IReadOnlyList<string> arguments, int exitCode, string output)
    : Exception($"'{Path.GetFileName(program)} {string.Join(' ', arguments)}' exited with code {exitCode}:{Environment.NewLine}{output}")
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;
}
