namespace CooperationLedger.Tests.Support;

/// <summary>Finds the repository's seeds folder (copied beside the test assembly).</summary>
public static class Seeds
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string Facts => Path.Combine(Folder, "facts");

    /// <summary>Gets the seed corpus's actor registry, which a copy of its fact files needs beside them.</summary>
    public static string Registry => Path.Combine(Folder, "actors.yaml");

    public static string FactFile(string documentKey) => Path.Combine(Facts, documentKey + ".yaml");

    public static IReadOnlyList<string> FactFiles => Directory.GetFiles(Facts, "*.yaml").Order(StringComparer.Ordinal).ToArray();
}
