using System.Runtime.InteropServices;
using System.Text;

namespace CooperationLedger.Reading;

/// <summary>
/// Reads the files an ingest is given (fact files) or that a fact file names (articles) as a hostile user may have
/// written them: the path is resolved through every link first, an article must then lie inside its corpus root, only a
/// regular file is opened (a device never ends and a FIFO never opens), and no read goes past
/// <see cref="MaxBytes"/> whatever size the file claims.
/// </summary>
internal static class CorpusFile
{
    /// <summary>The largest fact file or article read, in bytes.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>How many links one path may pass through, as Linux allows (<c>ELOOP</c> beyond).</summary>
    private const int MaxLinks = 40;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Gets the corpus root of a fact file when none is configured: the folder that holds the fact file's folder, so
    /// that <c>facts/</c> and <c>articles/</c> can sit side by side (<c>../articles/x.txt</c>), or the fact file's own
    /// folder where that would be the file system's root.
    /// </summary>
    public static string DefaultRoot(string factFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(factFile)) ?? Path.GetPathRoot(Path.GetFullPath(factFile))!;
        var parent = Path.GetDirectoryName(folder);
        return parent is null || Path.GetDirectoryName(parent) is null ? folder : parent;
    }

    /// <summary>
    /// Reads a UTF-8 text file, or adds why not to <paramref name="sink"/> and returns <see langword="null"/>.
    /// </summary>
    /// <param name="path">The path as given or as the fact file wrote it.</param>
    /// <param name="sink">Where a refusal goes.</param>
    /// <param name="field">The field that named the file, or <see langword="null"/> for the fact file itself.</param>
    /// <param name="root">The folder the file must resolve inside, or <see langword="null"/> for anywhere.</param>
    public static string? ReadText(string path, ErrorSink sink, string? field, string? root)
    {
        var resolved = Resolve(path);
        if (resolved is null)
        {
            sink.Add(null, field, $"the path '{path}' passes through more than {MaxLinks} links.");
            return null;
        }

        var realRoot = root is null ? null : Resolve(root);
        if (realRoot is not null && !IsInside(resolved, realRoot))
        {
            sink.Add(null, field, $"the file '{path}' resolves to '{resolved}', outside the corpus root '{realRoot}': every file a fact file reads (its article, the corpus's actors.yaml) must lie inside it (see docs/fact-files.md, \"Files read\").");
            return null;
        }

        var kind = KindOf(resolved);
        if (kind is not FileKind.Regular)
        {
            sink.Add(null, field, kind is FileKind.Missing
                ? $"the file '{path}' does not exist."
                : $"'{path}' is {Describe(kind)}, not a regular file: only regular files are read.");
            return null;
        }

        try
        {
            using var stream = new FileStream(resolved, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            if (OpenedElsewhere(stream, realRoot) is { } opened)
            {
                sink.Add(null, field, $"the file '{path}' changed while it was opened (it is now '{opened}'): only a regular file inside the corpus root is read.");
                return null;
            }

            var bytes = ReadCapped(stream);
            if (bytes is null)
            {
                sink.Add(null, field, $"the file '{path}' is larger than {MaxBytes:N0} bytes, the most that is read.");
                return null;
            }

            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            sink.Add(null, field, $"the file '{path}' is not UTF-8 text.");
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            sink.Add(null, field, $"the file '{path}' cannot be read: {exception.Message}");
            return null;
        }
    }

    /// <summary>Reads at most <see cref="MaxBytes"/> bytes, or returns <see langword="null"/> when the file holds more.</summary>
    private static byte[]? ReadCapped(FileStream stream)
    {
        using var memory = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (memory.Length + read > MaxBytes)
            {
                return null;
            }

            memory.Write(chunk, 0, read);
        }

        return memory.ToArray();
    }

    /// <summary>
    /// Checks what was opened, not the path: a link swapped in between the path's check and its opening would open a
    /// file elsewhere. On Linux the opened descriptor's own path (<c>/proc/self/fd</c>) must lie inside the root and its
    /// file be regular; returns that path when it does not. Elsewhere the check of the path stands alone.
    /// </summary>
    private static string? OpenedElsewhere(FileStream stream, string? root)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var descriptor = (int)stream.SafeFileHandle.DangerousGetHandle();
        var opened = new FileInfo($"/proc/self/fd/{descriptor}").LinkTarget ?? "(unknown)";
        var regular = StatX(descriptor, string.Empty, AtEmptyPath, StatXType, out var status) == 0 && (status.Mode & 0xF000) == 0x8000;
        return regular && (root is null || IsInside(opened, root)) ? null : opened;
    }

    private static bool IsInside(string path, string root) =>
        string.Equals(path, root, StringComparison.Ordinal)
        || path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// Resolves a path through every link on the way, as <c>realpath(3)</c> does: a link's target replaces it before
    /// any <c>..</c> after it is applied, so the result names the file that opening the path would open. Returns
    /// <see langword="null"/> past <see cref="MaxLinks"/> links (a loop).
    /// </summary>
    public static string? Resolve(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            var full = Path.GetFullPath(path);
            return File.Exists(full) ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full : full;
        }

        var pending = new List<string>(Split(Path.IsPathRooted(path) ? path : Path.Join(Environment.CurrentDirectory, path)));
        var resolved = "/";
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending[0];
            pending.RemoveAt(0);
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            var next = Path.Join(resolved, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                resolved = "/";
            }

            pending.InsertRange(0, Split(target));
        }

        return resolved;
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Gets a kind of file in words, as a sentence names it ("a device").</summary>
    internal static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.CharacterDevice or FileKind.BlockDevice => "a device",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };

    /// <summary>Gets what is at <paramref name="path"/>, following links: on Linux from <c>statx</c>, elsewhere from the runtime's attributes.</summary>
    internal static FileKind KindOf(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            if (StatX(AtWorkingDirectory, path, 0, StatXType, out var status) != 0)
            {
                return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Other : FileKind.Missing;
            }

            return (status.Mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0x1000 => FileKind.Fifo,
                0xC000 => FileKind.Socket,
                _ => FileKind.Other,
            };
        }

        // Elsewhere the runtime's own attributes tell folders and Windows devices apart; reads stay capped.
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return !File.Exists(path) ? FileKind.Missing
            : File.GetAttributes(path).HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice
            : FileKind.Regular;
    }

    private const int AtWorkingDirectory = -100;
    private const uint StatXType = 0x1;
    private const int AtEmptyPath = 0x1000;

    // statx(2) has one layout on every Linux architecture, unlike stat(2), whose st_mode moves between them.
    [DllImport("libc", EntryPoint = "statx")]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for the out buffer; this signature is blittable.
#pragma warning disable CA2101 // The path is marshalled as UTF-8 (MarshalAs LPUTF8Str), as Linux reads it; no CharSet applies.
    private static extern int StatX(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatXBuffer buffer);
#pragma warning restore CA2101
#pragma warning restore SYSLIB1054

    /// <summary>What a path names.</summary>
    internal enum FileKind
    {
        Missing,
        Regular,
        Directory,
        CharacterDevice,
        BlockDevice,
        Fifo,
        Socket,
        Other,
    }

    /// <summary>The head of <c>struct statx</c>, up to its mode; the kernel writes all 256 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct StatXBuffer
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint Links;
        public uint User;
        public uint Group;
        public ushort Mode;
    }
}
