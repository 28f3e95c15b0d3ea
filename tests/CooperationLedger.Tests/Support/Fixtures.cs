using CooperationLedger.Facts;
namespace CooperationLedger.Tests.Support;

/// <summary>The test suite's own fact files (synthetic sources for corrections, retractions and disputes).</summary>
public static class Fixtures
{
    public static string FactFile(string documentKey) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "facts", documentKey + ".yaml");

    public static string Article(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "articles", name);

    public static string Schema(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "schemas", name);

    /// <summary>Reads a fact file written beside a copy of the fixture article it names, and returns what it refuses.</summary>
    public static IReadOnlyList<FactFileError> Refusals(string yaml, string article)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-refusal-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "facts"));
            Directory.CreateDirectory(Path.Combine(folder, "articles"));
            File.Copy(Article(article), Path.Combine(folder, "articles", article));
            var file = Path.Combine(folder, "facts", "refused.yaml");
            File.WriteAllText(file, yaml);
            try
            {
                CooperationLedger.Reading.FactFileReader.Read(file);
                return [];
            }
            catch (FactFileException refused)
            {
                return refused.Errors;
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Variants of the malformed corpus's valid base, for stories about who an actor key names.</summary>
public static class ActorVariants
{
    /// <summary>
    /// Writes <c>facts/NAME.yaml</c> in <paramref name="corpus"/> (with the base's article beside it): the base under
    /// <paramref name="documentKey"/>, its donor <c>cn</c> declared as <paramref name="cn"/>, under <paramref name="key"/>.
    /// </summary>
    /// <returns>The fact file's path.</returns>
    public static string Write(string corpus, string name, string documentKey, string cn, string key = "cn")
    {
        Directory.CreateDirectory(Path.Combine(corpus, "facts"));
        Directory.CreateDirectory(Path.Combine(corpus, "articles"));
        File.Copy(Fixtures.Article("malformed-base.txt"), Path.Combine(corpus, "articles", "malformed-base.txt"), overwrite: true);
        var text = File.ReadAllText(Fixtures.FactFile("malformed-base"))
            .Replace("key: malformed-base", $"key: {documentKey}", StringComparison.Ordinal)
            .Replace("cn: { kind: country, name: China, country: CN }", cn, StringComparison.Ordinal)
            .Replace("cn: {", $"{key}: {{", StringComparison.Ordinal)
            .Replace("donor: cn", $"donor: {key}", StringComparison.Ordinal);
        text.Should().Contain($"key: {documentKey}").And.Contain($"donor: {key}");
        var file = Path.Combine(corpus, "facts", name + ".yaml");
        File.WriteAllText(file, text);
        return file;
    }
}
