using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CooperationLedger.Facts;

/// <summary>
/// One article that facts are read from: its publication, volume and issue, title, author, publication date (inferred,
/// with its reason, when the article prints none), and a fingerprint of its text.
/// </summary>
/// <remarks>This type is an immutable value type and thread-safe.</remarks>
public sealed partial record SourceDocument
{
    /// <summary>Initializes a source document.</summary>
    /// <param name="key">A stable key: lower-case letters, digits and hyphens (<c>edm-2006-v3-i223</c>).</param>
    /// <param name="publication">The publication's name (Eurasia Daily Monitor).</param>
    /// <param name="publishedOn">The publication date, with its precision; inferred when not printed.</param>
    /// <param name="contentSha256">The SHA-256 of the article's text, as 64 lower-case hex digits.</param>
    /// <param name="volume">The volume, where there is one.</param>
    /// <param name="issue">The issue, where there is one.</param>
    /// <param name="title">The title, where known.</param>
    /// <param name="author">The author, where named.</param>
    /// <param name="url">Where it can be read, or <see langword="null"/> for citation only.</param>
    /// <param name="language">Its language, as a BCP 47 tag (<c>en</c>).</param>
    /// <exception cref="ArgumentException">A value is missing or malformed.</exception>
    [JsonConstructor]
    public SourceDocument(
        string key,
        string publication,
        ReportedDate publishedOn,
        string contentSha256,
        string? volume = null,
        string? issue = null,
        string? title = null,
        string? author = null,
        Uri? url = null,
        string language = "en")
    {
        if (key is null || !KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a document key: use lower-case letters, digits and hyphens.", nameof(key));
        }

        if (contentSha256 is null || !Sha256().IsMatch(contentSha256))
        {
            throw new ArgumentException("The content fingerprint is 64 lower-case hex digits.", nameof(contentSha256));
        }

        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"'{url}' is not an absolute http or https address.", nameof(url));
        }

        Key = key;
        Publication = Preconditions.CheckText(publication, nameof(publication), 300);
        PublishedOn = publishedOn ?? throw new ArgumentNullException(nameof(publishedOn));
        ContentSha256 = contentSha256;
        Volume = Preconditions.CheckOptionalText(volume, nameof(volume), 50);
        Issue = Preconditions.CheckOptionalText(issue, nameof(issue), 50);
        Title = Preconditions.CheckOptionalText(title, nameof(title), 500);
        Author = Preconditions.CheckOptionalText(author, nameof(author), 300);
        Url = url;
        Language = Preconditions.CheckText(language, nameof(language), 35);
    }

    /// <summary>Computes the content fingerprint of an article's text: the SHA-256 of its UTF-8 bytes, in lower-case hex.</summary>
    /// <param name="articleText">The article's full text.</param>
    /// <returns>The fingerprint to pass as <c>contentSha256</c>.</returns>
    public static string FingerprintOf(string articleText)
    {
        ArgumentNullException.ThrowIfNull(articleText);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(articleText)));
    }

    /// <summary>Gets the document's stable key.</summary>
    public string Key { get; }

    /// <summary>Gets the publication's name.</summary>
    public string Publication { get; }

    /// <summary>Gets the publication date, with its precision; the known axis of every fact the document reports.</summary>
    public ReportedDate PublishedOn { get; }

    /// <summary>Gets the SHA-256 of the article's text.</summary>
    public string ContentSha256 { get; }

    /// <summary>Gets the volume, where there is one.</summary>
    public string? Volume { get; }

    /// <summary>Gets the issue, where there is one.</summary>
    public string? Issue { get; }

    /// <summary>Gets the title, where known.</summary>
    public string? Title { get; }

    /// <summary>Gets the author, where named.</summary>
    public string? Author { get; }

    /// <summary>Gets where the document can be read, or <see langword="null"/> for citation only.</summary>
    public Uri? Url { get; }

    /// <summary>Gets the document's language.</summary>
    public string Language { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var numbering = (Volume, Issue) switch
        {
            ({ } volume, { } issue) => $", vol. {volume}, no. {issue}",
            (null, { } issue) => $", no. {issue}",
            ({ } volume, null) => $", vol. {volume}",
            _ => string.Empty,
        };
        return $"{Publication}{numbering} ({PublishedOn}{(PublishedOn.IsInferred ? ", inferred" : string.Empty)})";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
