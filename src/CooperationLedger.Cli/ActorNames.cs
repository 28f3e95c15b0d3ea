namespace CooperationLedger.Cli;

/// <summary>How every option that takes an actor (<c>--donor</c>, <c>--party</c>, <c>--actor</c>, ...) says what it accepts, and refuses a name that names no one.</summary>
internal static class ActorNames
{
    /// <summary>What an actor option accepts, for its help: the ledger resolves actors one way in every question.</summary>
    public const string Accepted = "a key, name, alias or ISO country code (kg-gknb, GKNB, Kyrgyzstan, KG); a country includes its agencies and people";

    /// <summary>
    /// Refuses, before the question is asked, a name that names no registered actor and no country: an empty answer
    /// would not tell a misspelling from an actor with no facts. The message offers the nearest spellings.
    /// </summary>
    /// <exception cref="CliInputException">A name names no one.</exception>
    public static async Task CheckAsync(Ledger ledger, CancellationToken cancellationToken, params (string Option, string? Text)[] named)
    {
        foreach (var (option, text) in named)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var match = await ledger.MatchActorAsync(text, cancellationToken).ConfigureAwait(false);
            if (!match.Found)
            {
                var hint = match.Suggestions.Count == 0
                    ? " No registered actor is spelt like it."
                    : $" Did you mean {string.Join(" or ", match.Suggestions.Select(suggestion => suggestion.Spelt == suggestion.Key ? $"'{suggestion.Key}' ({suggestion.Name})" : $"'{suggestion.Spelt}' ({suggestion.Key})"))}?";
                throw new CliInputException($"{option} '{text.Trim()}': no actor in the ledger has this key, name or alias, and it is no ISO country code.{hint}");
            }
        }
    }
}
