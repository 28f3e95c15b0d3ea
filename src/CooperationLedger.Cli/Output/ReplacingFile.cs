using CooperationLedger.Reading;

namespace CooperationLedger.Cli.Output;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, renamed over it only once everything is
/// written, so that a run that fails or is cancelled midway leaves the file that was there before untouched. A link is
/// followed, and the file it names is replaced, keeping its permissions; a device or FIFO is written into as it is,
/// like a shell's redirection, since renaming over it would replace it by a plain file.
/// </summary>
internal static class ReplacingFile
{
    public static async Task<T> WriteAsync<T>(string path, Func<TextWriter, Task<T>> write)
    {
        string target;
        CorpusFile.FileKind kind;
        try
        {
            target = CorpusFile.Resolve(Path.GetFullPath(path)) ?? throw new IOException("the path passes through too many links.");
            kind = CorpusFile.KindOf(target);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"Cannot write '{path}': {exception.Message}");
        }

        return kind switch
        {
            CorpusFile.FileKind.Missing or CorpusFile.FileKind.Regular => await ReplaceAsync(path, target, kind == CorpusFile.FileKind.Regular, write),
            CorpusFile.FileKind.Directory => throw new CliInputException($"Cannot write '{path}': it is a folder."),
            _ => await IntoAsync(path, target, write),
        };
    }

    private static async Task<T> ReplaceAsync<T>(string path, string target, bool exists, Func<TextWriter, Task<T>> write)
    {
        string temporary;
        FileStream stream;
        try
        {
            temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial");
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (exists && !OperatingSystem.IsWindows())
            {
                // The export may be confidential: the file replaced keeps the permissions it had.
                File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(target));
            }
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

    private static async Task<T> IntoAsync<T>(string path, string target, Func<TextWriter, Task<T>> write)
    {
        try
        {
            await using var writer = new StreamWriter(new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite));
            var result = await write(writer);
            await writer.FlushAsync();
            return result;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"Cannot write '{path}': {exception.Message}");
        }
    }
}
