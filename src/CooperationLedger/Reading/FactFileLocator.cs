using CooperationLedger.Facts;
namespace CooperationLedger.Reading;

/// <summary>Turns the paths given to an ingest (files or folders) into the fact files to read, in a stable order.</summary>
internal static class FactFileLocator
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, List<FactFileError> errors)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(file => (file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                        && !string.Equals(Path.GetFileName(file), ActorRegistryFile.FileName, StringComparison.OrdinalIgnoreCase))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                errors.Add(new FactFileError(path, null, null, "no such file or folder."));
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToArray();
    }
}
