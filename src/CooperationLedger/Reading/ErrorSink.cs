using CooperationLedger.Facts;
using YamlDotNet.RepresentationModel;

namespace CooperationLedger.Reading;

/// <summary>Collects every error of one fact file, so that all of them are reported at once.</summary>
internal sealed class ErrorSink(string file)
{
    private readonly List<FactFileError> errors = [];

    public string File { get; } = file;

    public IReadOnlyList<FactFileError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    public void Add(string? fact, string? field, string reason, YamlNode? at = null) =>
        errors.Add(new FactFileError(File, fact, field, reason, at is null ? null : (int)at.Start.Line));

    /// <summary>Adds an error of the whole file found at <paramref name="line"/>, such as YAML that does not parse there.</summary>
    public void AddAt(long line, string reason) =>
        errors.Add(new FactFileError(File, null, null, reason, line > 0 ? (int)line : null));
}
