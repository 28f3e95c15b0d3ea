using System.Text;

namespace CooperationLedger.Sources;

/// <summary>
/// Finds a quote in its document's text, ignoring differences of whitespace and of typographic quotes, dashes and
/// apostrophes, and says where it stands.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class QuoteVerifier
{
    /// <summary>Looks for <paramref name="quote"/> in <paramref name="documentText"/>.</summary>
    /// <param name="documentText">The whole text of the document.</param>
    /// <param name="quote">The quote to find.</param>
    /// <returns>Where the quote's first occurrence stands, or <see langword="null"/> when the document does not hold it.</returns>
    public static QuoteLocation? Locate(string documentText, string quote)
    {
        ArgumentNullException.ThrowIfNull(documentText);
        ArgumentNullException.ThrowIfNull(quote);
        var (text, positions) = Normalize(documentText);
        var (needle, _) = Normalize(quote);
        if (needle.Length == 0)
        {
            return null;
        }

        var index = text.IndexOf(needle, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var start = positions[index];
        var end = positions[index + needle.Length - 1] + 1;
        return new QuoteLocation(ParagraphAt(documentText, start), start, end - start);
    }

    /// <summary>
    /// Folds the text to a canonical form (runs of whitespace to one space, typographic quotes and dashes to their plain
    /// forms) and keeps, for each folded character, its offset in the original.
    /// </summary>
    private static (string Text, int[] Positions) Normalize(string value)
    {
        var builder = new StringBuilder(value.Length);
        var positions = new List<int>(value.Length);
        var pendingSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var character = value[i];
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                positions.Add(i);
                pendingSpace = false;
            }

            builder.Append(Fold(character));
            positions.Add(i);
        }

        return (builder.ToString(), positions.ToArray());
    }

    private static char Fold(char character) => character switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2013' or '\u2014' or '\u2012' or '\u2015' or '\u2212' => '-',
        '\u00A0' => ' ',
        _ => character,
    };

    private static int ParagraphAt(string text, int offset)
    {
        var paragraph = 0;
        var inParagraph = false;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var blank = string.IsNullOrWhiteSpace(text[lineStart..i]);
                if (!blank && !inParagraph)
                {
                    paragraph++;
                }

                inParagraph = !blank;
                if (offset >= lineStart && offset <= i)
                {
                    return Math.Max(paragraph, 1);
                }

                lineStart = i + 1;
            }
        }

        return Math.Max(paragraph, 1);
    }
}
