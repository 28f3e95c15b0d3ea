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

    /// <summary>
    /// Gets the parts of a donor listing: <c>totals</c> (the page of them asked for), <c>noAmountStated</c>,
    /// <c>disputes</c>, <c>sources</c> (of the totals written), and, for a page, <c>page</c>.
    /// </summary>
    public static IReadOnlyList<ListingPart> Parts(DonorTotalsListing listing, Page page, CancellationToken cancellationToken)
    {
        var (totals, sources, paged) = Paged(page, listing.ReadTotalsAsync(cancellationToken), total => total.Facts, listing.ReadSourcesAsync(cancellationToken));
        return
        [
            new("totals", "total", totals),
            new("noAmountStated", "noAmountStated", listing.NoAmountStated.ToAsyncEnumerable()),
            new("disputes", "dispute", listing.Disputes.ToAsyncEnumerable()),
            new("sources", "sources", sources),
            .. paged,
        ];
    }

    /// <summary>Gets the parts of a claims listing: <c>claims</c> (the page asked for), <c>disputes</c>, <c>sources</c> (of the claims written), and, for a page, <c>page</c>.</summary>
    public static IReadOnlyList<ListingPart> Parts(ClaimedStatisticsListing listing, Page page, CancellationToken cancellationToken)
    {
        var (claims, sources, paged) = Paged(page, listing.ReadClaimsAsync(cancellationToken), claim => [claim.FactId], listing.ReadSourcesAsync(cancellationToken));
        return
        [
            new("claims", "claim", claims),
            new("disputes", "dispute", listing.Disputes.ToAsyncEnumerable()),
            new("sources", "sources", sources),
            .. paged,
        ];
    }

    /// <summary>
    /// Gets the page of a listing's items, the sources of the facts of the items written (all of them when no page was
    /// asked for), and the page's part, written last.
    /// </summary>
    private static (IAsyncEnumerable<T> Items, IAsyncEnumerable<FactSources> Sources, IEnumerable<ListingPart> Page) Paged<T>(
        Page page, IAsyncEnumerable<T> items, Func<T, IEnumerable<Guid>> facts, IAsyncEnumerable<FactSources> sources)
    {
        var cited = new HashSet<Guid>();
        PageInfo? info = null;
        var written = page.Of(items, read => info = read).Select(item =>
        {
            cited.UnionWith(facts(item));
            return item;
        });
        return (written, page.Asked ? sources.Where(source => cited.Contains(source.FactId)) : sources, PagePart(page, () => info));
    }

    /// <summary>Gets the parts of the documents listing: <c>documents</c> (the page asked for), and, for a page, <c>page</c>.</summary>
    public static IReadOnlyList<ListingPart> Parts(IAsyncEnumerable<DocumentSummary> documents, Page page)
    {
        PageInfo? info = null;
        return [new("documents", "document", page.Of(documents, read => info = read)), .. PagePart(page, () => info)];
    }

    /// <summary>A page's part: written last, once the items before it have been read and it is known whether more follow.</summary>
    private static IEnumerable<ListingPart> PagePart(Page page, Func<PageInfo?> info)
    {
        if (page.Asked)
        {
            yield return new ListingPart("page", "page", Single(info), IsObject: true);
        }

        static async IAsyncEnumerable<object> Single(Func<PageInfo?> info)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            yield return info()!;
        }
    }

    /// <summary>Writes the listing as one indented document: <c>asOf</c>, then each part as an array.</summary>
    public static async Task WriteDocumentAsync(CliContext context, AsOf? asOf, IReadOnlyList<ListingPart> parts, CancellationToken cancellationToken)
    {
        await using (var json = new Utf8JsonWriter(new TextWriterBuffer(context.Output), new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Options.Encoder }))
        {
            json.WriteStartObject();
            if (asOf is not null)
            {
                json.WritePropertyName("asOf");
                JsonSerializer.Serialize(json, asOf, JsonOutput.Options);
            }

            foreach (var part in parts)
            {
                if (part.IsObject)
                {
                    await foreach (var item in part.Items.ConfigureAwait(false))
                    {
                        json.WritePropertyName(part.Name);
                        JsonSerializer.Serialize(json, item, item.GetType(), JsonOutput.Options);
                    }

                    continue;
                }

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
    public static async Task WriteLinesAsync(CliContext context, AsOf? asOf, IReadOnlyList<ListingPart> parts, CancellationToken cancellationToken)
    {
        if (asOf is not null)
        {
            await LineAsync("asOf", asOf).ConfigureAwait(false);
        }

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

/// <summary>
/// One part of a listing: its name in the document, the name of one of its items as a line, and its items as read; a
/// part that <see cref="IsObject"/> is one item, written as an object, not an array.
/// </summary>
internal sealed record ListingPart(string Name, string Line, IAsyncEnumerable<object> Items, bool IsObject = false);
