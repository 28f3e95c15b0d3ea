namespace CooperationLedger.Tests.Support;

/// <summary>The test suite's own fact files (synthetic sources for corrections, retractions and disputes).</summary>
public static class Fixtures
{
    public static string FactFile(string documentKey) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "facts", documentKey + ".yaml");

    public static string Article(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "articles", name);
}
