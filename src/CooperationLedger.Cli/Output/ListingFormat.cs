using System.CommandLine;
using CooperationLedger.Facts;

namespace CooperationLedger.Cli.Output;

/// <summary>
/// The two machine forms of a listing command, <c>--json</c> (one document) and <c>--jsonl</c> (a line an item), of
/// which at most one is given; either writes the listing's parts as they are read (<see cref="ListingOutput"/>).
/// </summary>
internal sealed class ListingFormat(string json, string jsonLines)
{
    private readonly Option<bool> document = new("--json") { Description = json };
    private readonly Option<bool> lines = new("--jsonl") { Description = jsonLines };

    /// <summary>Adds both options to <paramref name="command"/>, and the rule that only one is given.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(document);
        command.Options.Add(lines);
        command.Validators.Add(result =>
        {
            if (result.GetValue(document) && result.GetValue(lines))
            {
                result.AddError("--json and --jsonl are two forms of the same output: give one.");
            }
        });
    }

    /// <summary>Gets whether machine output was asked for.</summary>
    public bool Asked(ParseResult parse) => parse.GetValue(document) || parse.GetValue(lines);

    /// <summary>Writes the parts of a listing at <paramref name="asOf"/> in the form asked for.</summary>
    public Task WriteAsync(ParseResult parse, CliContext context, AsOf? asOf, IReadOnlyList<ListingPart> parts, CancellationToken cancellationToken) =>
        parse.GetValue(document) ? ListingOutput.WriteDocumentAsync(context, asOf, parts, cancellationToken) : ListingOutput.WriteLinesAsync(context, asOf, parts, cancellationToken);
}
