using CooperationLedger.Answers;

namespace CooperationLedger.Cli;

/// <summary>
/// Refuses, before a question is asked, a <c>--document</c>, <c>--outlet</c>, <c>--matter</c> or <c>--metric</c> that
/// names nothing the ledger holds, as <see cref="ActorNames"/> refuses an actor: an empty answer would not tell a
/// misspelling from a name with no facts of the question. The message offers the nearest names.
/// </summary>
internal static class FilterNames
{
    /// <exception cref="CliInputException">A name is none the ledger holds.</exception>
    public static async Task CheckAsync(Ledger ledger, CancellationToken cancellationToken, params (string Option, NameKind Kind, string? Text)[] named)
    {
        foreach (var (option, kind, text) in named)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var match = await ledger.MatchNameAsync(kind, text, cancellationToken).ConfigureAwait(false);
            if (!match.Found)
            {
                var what = kind switch
                {
                    NameKind.Document => "no document in the ledger has this key (ledger documents lists them)",
                    NameKind.Outlet => "no document in the ledger was published by this outlet or relays it",
                    NameKind.Matter => "no fact in the ledger is about this matter",
                    _ => "no claim in the ledger is of this metric",
                };
                var hint = match.Suggestions.Count == 0 ? string.Empty : Suggestions.DidYouMean(match.Suggestions);
                throw new CliInputException($"{option} '{match.Text}': {what}.{hint}");
            }
        }
    }
}
