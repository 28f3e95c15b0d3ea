namespace CooperationLedger.Cli.Output;

/// <summary>
/// A column of a human table: its header, and whether it may be left out when the terminal is too narrow for every
/// column (<see cref="Optional"/>: a count or a key the row's other cells already say), before the table gives way
/// to its compact form.
/// </summary>
internal sealed record Column(string Header, bool Optional = false)
{
    public static implicit operator Column(string header) => new(header);
}
