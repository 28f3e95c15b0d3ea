using System.Text.Json;
using CooperationLedger.Answers;

namespace CooperationLedger.Cli.Output;

/// <summary>
/// Writes donor totals as machine output with each fact's sources once: the totals name their facts (<c>facts</c>) and
/// carry no <c>sources</c>, which follow in a list keyed by fact. The totals and sources are written as they are read,
/// so that the whole ledger's listing is never held: <c>--json</c> as one document, <c>--jsonl</c> a line per item.
/// </summary>
internal static class DonorListingOutput
{
    private static readonly JsonSerializerOptions Lines = new(JsonOutput.Options) { WriteIndented = false };

    /// <summary>Writes the listing as one indented document: <c>asOf</c>, <c>totals</c>, <c>noAmountStated</c>, <c>disputes</c>, <c>sources</c>.</summary>
    public static async Task WriteDocumentAsync(CliContext context, DonorTotalsListing listing, CancellationToken cancellationToken)
    {
        await using (var json = new Utf8JsonWriter(new TextWriterBuffer(context.Output), new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WritePropertyName("asOf");
            JsonSerializer.Serialize(json, listing.AsOf, JsonOutput.Options);
            await ArrayAsync(json, "totals", listing.ReadTotalsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            json.WritePropertyName("noAmountStated");
            JsonSerializer.Serialize(json, listing.NoAmountStated, JsonOutput.Options);
            json.WritePropertyName("disputes");
            JsonSerializer.Serialize(json, listing.Disputes, JsonOutput.Options);
            await ArrayAsync(json, "sources", listing.ReadSourcesAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            json.WriteEndObject();
        }

        await context.Output.WriteLineAsync().ConfigureAwait(false);
    }

    /// <summary>Writes a property holding an array of the items as they are read, each passed on to the output.</summary>
    private static async Task ArrayAsync<T>(Utf8JsonWriter json, string name, IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        json.WriteStartArray(name);
        await foreach (var item in items.ConfigureAwait(false))
        {
            JsonSerializer.Serialize(json, item, JsonOutput.Options);
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Writes the listing as JSON Lines, each line an object of one property: <c>asOf</c> first, then a <c>total</c>
    /// each, a <c>noAmountStated</c> each, a <c>dispute</c> each and a <c>sources</c> each (a fact's).
    /// </summary>
    public static async Task WriteLinesAsync(CliContext context, DonorTotalsListing listing, CancellationToken cancellationToken)
    {
        var output = context.Output;
        await LineAsync("asOf", listing.AsOf).ConfigureAwait(false);
        await foreach (var total in listing.ReadTotalsAsync(cancellationToken).ConfigureAwait(false))
        {
            await LineAsync("total", total).ConfigureAwait(false);
        }

        foreach (var donation in listing.NoAmountStated)
        {
            await LineAsync("noAmountStated", donation).ConfigureAwait(false);
        }

        foreach (var dispute in listing.Disputes)
        {
            await LineAsync("dispute", dispute).ConfigureAwait(false);
        }

        await foreach (var sources in listing.ReadSourcesAsync(cancellationToken).ConfigureAwait(false))
        {
            await LineAsync("sources", sources).ConfigureAwait(false);
        }

        async Task LineAsync<T>(string name, T value)
        {
            await output.WriteAsync($"{{\"{name}\":").ConfigureAwait(false);
            await output.WriteAsync(JsonSerializer.Serialize(value, Lines)).ConfigureAwait(false);
            await output.WriteLineAsync('}').ConfigureAwait(false);
        }
    }
}
