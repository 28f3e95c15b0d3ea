using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>The outlet a document relays a fact from, and that outlet's date ("Kabar, November 22").</summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed record Relay
{
    /// <summary>Initializes a relay.</summary>
    /// <param name="outlet">The outlet's name (Kabar, Kyrgyz Television 1). A document that cites a date with no outlet
    /// ("(, November 21)") is recorded with the outlet "unnamed".</param>
    /// <param name="date">The outlet's date, where given.</param>
    /// <exception cref="ArgumentException">The outlet is blank.</exception>
    [JsonConstructor]
    public Relay(string outlet, ReportedDate? date = null)
    {
        Outlet = Preconditions.CheckText(outlet, nameof(outlet), 300);
        Date = date;
    }

    /// <summary>Gets the outlet's name.</summary>
    public string Outlet { get; }

    /// <summary>Gets the outlet's date, where given.</summary>
    public ReportedDate? Date { get; }

    /// <inheritdoc/>
    public override string ToString() => Date is null ? Outlet : $"{Outlet}, {Date}";
}
