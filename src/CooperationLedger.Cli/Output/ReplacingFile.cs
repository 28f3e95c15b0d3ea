namespace CooperationLedger.Cli.Output;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, renamed over it only once everything is
/// written, so that a run that fails or is cancelled midway leaves the file that was there before untouched.
/// </summary>
internal static class ReplacingFile
{
    public static async Task<T> WriteAsync<T>(string path, Func<TextWriter, Task<T>> write)
    {
        string target;
        string temporary;
        FileStream stream;
        try
        {
            target = Path.GetFullPath(path);
            temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial");
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"Cannot write '{path}': {exception.Message}");
        }

        T result;
        try
        {
            await using (var writer = new StreamWriter(stream))
            {
                result = await write(writer);
                await writer.FlushAsync();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception exception)
        {
            File.Delete(temporary);
            if (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"Cannot write '{path}': {exception.Message}");
            }

            throw;
        }

        return result;
    }
}
