using System.CommandLine;

namespace CooperationLedger.Cli.Output;

/// <summary>
/// <c>--limit N</c> and <c>--offset N</c> of a listing: which of its items (donor totals, claims, agreements, timeline
/// facts, operation results, documents) are written, in the listing's order. Only the items are paged; what they cite
/// (a listing's <c>sources</c>) follows for the items written.
/// </summary>
internal sealed class Paging
{
    private readonly Option<int> limit = PositiveNumber.Required(new Option<int>("--limit") { Description = "Write at most this many items (with --offset, a page of them; the JSON says whether more follow).", HelpName = "n" });
    private readonly Option<int> offset = PositiveNumber.From(new Option<int>("--offset") { Description = "Skip this many items first (default 0).", HelpName = "n" }, 0);

    public void AddTo(Command command)
    {
        command.Options.Add(limit);
        command.Options.Add(offset);
    }

    public Page Read(ParseResult parse) => new(
        parse.GetResult(offset) is null ? 0 : parse.GetValue(offset),
        parse.GetResult(limit) is null ? null : parse.GetValue(limit));
}

/// <summary>A page of a listing: the items after <see cref="Offset"/>, at most <see cref="Limit"/> of them (all when null).</summary>
internal sealed record Page(int Offset, int? Limit)
{
    public static readonly Page All = new(0, null);

    /// <summary>Gets a value indicating whether a page was asked for: then the JSON says which (<see cref="Info"/>).</summary>
    public bool Asked => Offset > 0 || Limit is not null;

    /// <summary>Gets the items of the page.</summary>
    public IReadOnlyList<T> Of<T>(IReadOnlyList<T> items) =>
        [.. items.Skip(Offset).Take(Limit ?? int.MaxValue)];

    /// <summary>Gets what the JSON says of a page of <paramref name="items"/>: where it starts, its size, how many there were and whether more follow.</summary>
    public PageInfo Info<T>(IReadOnlyList<T> items) => new(Offset, Limit, Math.Clamp(items.Count - Offset, 0, Limit ?? int.MaxValue), Limit is { } most && items.Count - Offset > most);

    /// <summary>Gets the items of the page as they are read, and, once they have been, what the JSON says of it.</summary>
    public async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> items, Action<PageInfo> read)
    {
        var index = 0;
        var written = 0;
        var more = false;
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (index++ < Offset)
            {
                continue;
            }

            if (written == (Limit ?? int.MaxValue))
            {
                // One past the page says that more follow; the rest is not read.
                more = true;
                break;
            }

            written++;
            yield return item;
        }

        read(new PageInfo(Offset, Limit, written, more));
    }

    /// <summary>Gets the line a human table ends with when it is a page: which rows it shows, and how to see the next.</summary>
    public string? Line<T>(IReadOnlyList<T> items)
    {
        if (!Asked)
        {
            return null;
        }

        var info = Info(items);
        var shown = info.Returned == 0 ? $"No items after the first {Offset:N0}" : $"Items {Offset + 1:N0} to {Offset + info.Returned:N0} of {items.Count:N0}";
        return info.More ? $"{shown}; --offset {Offset + info.Returned} shows the next." : $"{shown}.";
    }
}

/// <summary>What a JSON listing says of its page: its offset and limit as asked, how many items it holds, and whether more follow.</summary>
internal sealed record PageInfo(int Offset, int? Limit, int Returned, bool More);
