namespace CooperationLedger.Tests.Support;

/// <summary>The root of the repository the tests were built from (the folder with CooperationLedger.sln).</summary>
public static class RepositoryRoot
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CooperationLedger.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CooperationLedger.sln above {AppContext.BaseDirectory}.");
    }
}
