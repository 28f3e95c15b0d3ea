using System.Text;

namespace CooperationLedger.Facts;

/// <summary>
/// One document's text folded once for quote search (runs of whitespace to one space, typographic quotes, dashes and
/// apostrophes to plain ones), so that each of its quotes is located with one search.
/// </summary>
internal sealed class QuoteIndex
{
    private readonly string folded;
    private readonly int[] positions;
    private readonly int[] paragraphStarts;
    private readonly string text;

    public QuoteIndex(string text)
    {
        this.text = text;
        (folded, positions) = Fold(text);
        paragraphStarts = ParagraphStarts(text);
    }

    /// <summary>Gets the paragraph a located quote stands in, and where in it the quote starts: an audit shows the quote in its words' setting.</summary>
    public QuotedParagraph? ParagraphOf(QuoteLocation location)
    {
        if (location.Paragraph < 1 || location.Paragraph > paragraphStarts.Length || location.Offset + location.Length > text.Length)
        {
            return null;
        }

        var start = paragraphStarts[location.Paragraph - 1];
        var end = location.Paragraph < paragraphStarts.Length ? paragraphStarts[location.Paragraph] : text.Length;
        var paragraph = text[start..end].TrimEnd();
        return location.Offset >= start && location.Offset + location.Length <= start + paragraph.Length
            ? new QuotedParagraph(location.Paragraph, paragraph, location.Offset - start, location.Length)
            : null;
    }

    public QuoteLocation? Locate(string quote)
    {
        var (needle, _) = Fold(quote);
        if (needle.Length == 0)
        {
            return null;
        }

        var index = folded.IndexOf(needle, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var start = positions[index];
        var end = positions[index + needle.Length - 1] + 1;
        var paragraph = Array.BinarySearch(paragraphStarts, start);
        return new QuoteLocation(Math.Max(paragraph >= 0 ? paragraph + 1 : ~paragraph, 1), start, end - start);
    }

    private static (string Text, int[] Positions) Fold(string value)
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

            builder.Append(FoldCharacter(character));
            positions.Add(i);
        }

        return (builder.ToString(), positions.ToArray());
    }

    private static char FoldCharacter(char character) => character switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2013' or '\u2014' or '\u2012' or '\u2015' or '\u2212' => '-',
        _ => character,
    };

    /// <summary>The offsets where paragraphs (runs of non-blank lines) start, in order.</summary>
    private static int[] ParagraphStarts(string text)
    {
        var starts = new List<int>();
        var inParagraph = false;
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var blank = text.AsSpan(lineStart, i - lineStart).IsWhiteSpace();
                if (!blank && !inParagraph)
                {
                    starts.Add(lineStart);
                }

                inParagraph = !blank;
                lineStart = i + 1;
            }
        }

        return starts.ToArray();
    }
}
