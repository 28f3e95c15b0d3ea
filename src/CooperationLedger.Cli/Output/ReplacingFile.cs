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
            throw Refused(path, exception);
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
        var temporary = Path.Combine(Path.GetDirectoryName(target) ?? ".", $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial");
        FileStream stream;
        try
        {
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (exists && !OperatingSystem.IsWindows())
            {
                // The export may be confidential: the file replaced keeps the permissions it had.
                File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(target));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Refused(path, exception, temporary);
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
                throw Refused(path, exception, temporary);
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
            throw Refused(path, exception);
        }
    }

    /// <summary>
    /// Says in words why <paramref name="path"/> could not be written: never .NET's wording, which names the temporary
    /// file beside it rather than the file asked for.
    /// </summary>
    private static CliInputException Refused(string path, Exception exception, string? temporary = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        var reason = exception switch
        {
            UnauthorizedAccessException => $"permission denied (to write in '{folder}')",
            DirectoryNotFoundException => $"its folder '{folder}' does not exist",
            PathTooLongException => "its name is too long",
            IOException { HResult: Enospc } => "the disk is full",
            IOException { HResult: Edquot } => "the disk quota is used up",
            IOException { HResult: Erofs } => "the file system is read-only",
            _ => temporary is null ? exception.Message : exception.Message.Replace(temporary, path, StringComparison.Ordinal),
        };
        return new CliInputException($"Cannot write '{path}': {reason}; nothing was written to it.");
    }

    // On Unix, .NET gives an I/O error it has no type for the errno as its HResult.
    private const int Enospc = 28;
    private const int Erofs = 30;
    private const int Edquot = 122;
}
