using System.Text.Json;
using CooperationLedger.Answers;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli.Output;

/// <summary>
/// Writes a whole-ledger listing as machine output with each fact's sources once: its lines (donor totals, claims) carry
/// no <c>sources</c>, which follow in a list keyed by fact. Its parts are written as they are read, so that the whole
/// ledger's listing is never held: <c>--json</c> as one document, <c>--jsonl</c> a line per item.
/// </summary>
internal static class ListingOutput
{
    private static readonly JsonSerializerOptions Lines = new(JsonOutput.Options) { WriteIndented = false };

    /// <summary>Gets the parts of a donor listing: <c>totals</c>, <c>noAmountStated</c>, <c>disputes</c>, <c>sources</c>.</summary>
    public static IReadOnlyList<ListingPart> Parts(DonorTotalsListing listing, CancellationToken cancellationToken) =>
    [
        new("totals", "total", listing.ReadTotalsAsync(cancellationToken)),
        new("noAmountStated", "noAmountStated", listing.NoAmountStated.ToAsyncEnumerable()),
        new("disputes", "dispute", listing.Disputes.ToAsyncEnumerable()),
        new("sources", "sources", listing.ReadSourcesAsync(cancellationToken)),
    ];

    /// <summary>Gets the parts of a claims listing: <c>claims</c>, <c>disputes</c>, <c>sources</c>.</summary>
    public static IReadOnlyList<ListingPart> Parts(ClaimedStatisticsListing listing, CancellationToken cancellationToken) =>
    [
        new("claims", "claim", listing.ReadClaimsAsync(cancellationToken)),
        new("disputes", "dispute", listing.Disputes.ToAsyncEnumerable()),
        new("sources", "sources", listing.ReadSourcesAsync(cancellationToken)),
    ];

    /// <summary>Writes the listing as one indented document: <c>asOf</c>, then each part as an array.</summary>
    public static async Task WriteDocumentAsync(CliContext context, AsOf asOf, IReadOnlyList<ListingPart> parts, CancellationToken cancellationToken)
    {
        await using (var json = new Utf8JsonWriter(new TextWriterBuffer(context.Output), new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WritePropertyName("asOf");
            JsonSerializer.Serialize(json, asOf, JsonOutput.Options);
            foreach (var part in parts)
            {
                json.WriteStartArray(part.Name);
                await foreach (var item in part.Items.ConfigureAwait(false))
                {
                    JsonSerializer.Serialize(json, item, item.GetType(), JsonOutput.Options);
                    await json.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        await context.Output.WriteLineAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the listing as JSON Lines, each line an object of one property: <c>asOf</c> first, then an item of each
    /// part in turn, named as one (<see cref="ListingPart.Line"/>).
    /// </summary>
    public static async Task WriteLinesAsync(CliContext context, AsOf asOf, IReadOnlyList<ListingPart> parts, CancellationToken cancellationToken)
    {
        await LineAsync("asOf", asOf).ConfigureAwait(false);
        foreach (var part in parts)
        {
            await foreach (var item in part.Items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await LineAsync(part.Line, item).ConfigureAwait(false);
            }
        }

        async Task LineAsync(string name, object value)
        {
            await context.Output.WriteAsync($"{{\"{name}\":").ConfigureAwait(false);
            await context.Output.WriteAsync(JsonSerializer.Serialize(value, value.GetType(), Lines)).ConfigureAwait(false);
            await context.Output.WriteLineAsync('}').ConfigureAwait(false);
        }
    }
}

/// <summary>One part of a listing: its name in the document, the name of one of its items as a line, and its items as read.</summary>
internal sealed record ListingPart(string Name, string Line, IAsyncEnumerable<object> Items);
