using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CooperationLedger.Facts;

namespace CooperationLedger.Reading;

/// <summary>
/// The actor registry of a corpus: <c>actors.yaml</c> at its root, the actors every fact file may name by key without
/// declaring them (each optionally with its Wikidata item). It keeps one entity under one key across documents: a fact
/// file's own actor under a registry key must be that entity, and one under another key may not go by a registry
/// actor's name or one a letter or two from it (<see cref="Close"/>); the registry itself may hold no two actors so
/// named, unless one lists the other in <c>distinctFrom</c>.
/// </summary>
/// <remarks>Read once per corpus root and kept until the file changes; thread-safe.</remarks>
internal sealed class ActorRegistryFile
{
    /// <summary>The registry's file name, at the corpus root; never read as a fact file.</summary>
    public const string FileName = "actors.yaml";

    private static readonly ConcurrentDictionary<string, (DateTime Written, long Length, ActorRegistryFile Registry)> Loaded = new(StringComparer.Ordinal);

    private readonly Dictionary<string, HashSet<string>> distinct;

    private ActorRegistryFile(string path, Dictionary<string, Actor> actors, Dictionary<string, HashSet<string>> distinct)
    {
        Path = path;
        Actors = actors;
        this.distinct = distinct;
    }

    /// <summary>Gets where the registry was read from.</summary>
    public string Path { get; }

    /// <summary>Gets the registry's actors by key.</summary>
    public IReadOnlyDictionary<string, Actor> Actors { get; }

    /// <summary>Loads the registry of a corpus root, or returns <see langword="null"/> when it has none.</summary>
    /// <exception cref="FactFileException">The registry is malformed, or names one entity twice.</exception>
    public static ActorRegistryFile? Load(string root)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, FileName));
        var info = new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return null;
        }

        if (Loaded.TryGetValue(path, out var known) && known.Written == info.LastWriteTimeUtc && known.Length == info.Length)
        {
            return known.Registry;
        }

        var sink = new ErrorSink(path);
        var text = CorpusFile.ReadText(path, sink, null, root) ?? throw new FactFileException(sink.Errors);
        var registry = Parse(path, text);
        Loaded[path] = (info.LastWriteTimeUtc, info.Length, registry);
        return registry;
    }

    /// <summary>Reads a registry's text.</summary>
    /// <exception cref="FactFileException">The registry is malformed, or names one entity twice.</exception>
    public static ActorRegistryFile Parse(string path, string yaml)
    {
        var sink = new ErrorSink(path);
        var root = FactFileReader.LoadRoot(yaml, sink);
        var top = root is null ? null : YamlFields.Of(root, sink, null, string.Empty);
        var fields = top?.Map("actors", required: true);
        top?.RejectUnknown();
        var entries = FactFileReader.ReadActorEntries(fields, sink, registryFile: true);
        var actors = entries.ToDictionary(entry => entry.Actor.Id, entry => entry.Actor, StringComparer.Ordinal);
        var distinct = entries.ToDictionary(entry => entry.Actor.Id, entry => entry.DistinctFrom.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var registry = new ActorRegistryFile(path, actors, distinct);
        foreach (var (actor, entry, distinctFrom) in entries)
        {
            if (actor.MemberOf is not null && !actors.ContainsKey(actor.MemberOf))
            {
                entry.Error("memberOf", $"names '{actor.MemberOf}', which is not an actor of the registry.");
            }

            foreach (var other in distinctFrom.Where(other => !actors.ContainsKey(other)))
            {
                entry.Error("distinctFrom", $"names '{other}', which is not an actor of the registry.");
            }

            if (registry.NamedLike(actor, before: actor.Id) is { } twin)
            {
                entry.Error("name", $"its name or alias '{twin.Term}' is {(twin.Exact ? "also" : "close to")} the name of '{twin.Actor.Id}' ({twin.Actor.Name}) in this registry: one entity has one key; if they are two, list one in the other's distinctFrom.");
            }
        }

        return sink.HasErrors ? throw new FactFileException(sink.Errors) : registry;
    }

    /// <summary>Says why a fact file's own actor cannot stand beside the registry, or returns <see langword="null"/>.</summary>
    public string? Clash(Actor local)
    {
        if (Actors.TryGetValue(local.Id, out var registered))
        {
            var same = registered.Kind == local.Kind && registered.Country == local.Country && Terms(registered).Intersect(Terms(local), StringComparer.Ordinal).Any();
            return same ? null
                : $"clashes with the actor registry's '{local.Id}' ({registered.Kind.ToString().ToLowerInvariant()} {registered.Name}{(registered.Country is null ? string.Empty : ", " + registered.Country)}, {FileName}): a key names one entity; leave the actor out to use the registry's, or use another key.";
        }

        return NamedLike(local, before: null) is { } twin
            ? $"its name or alias '{twin.Term}' is {(twin.Exact ? "also" : "close to")} the name of the actor registry's '{twin.Actor.Id}' ({twin.Actor.Name}): name that key instead, or, if it is another entity, register this one in {FileName}, listing it apart from the other: distinctFrom: [{twin.Actor.Id}]."
            : null;
    }

    /// <summary>
    /// Finds a registry actor under another key that goes by one of <paramref name="actor"/>'s names or one close to
    /// it; within the registry only those before <paramref name="before"/> by key, so that each pair is reported once.
    /// </summary>
    private (Actor Actor, string Term, bool Exact)? NamedLike(Actor actor, string? before)
    {
        var mine = Terms(actor).ToArray();
        foreach (var other in Actors.Values.Where(other => other.Id != actor.Id && (before is null || string.CompareOrdinal(other.Id, before) < 0)))
        {
            if ((distinct.TryGetValue(other.Id, out var apart) && apart.Contains(actor.Id)) || (distinct.TryGetValue(actor.Id, out var mineApart) && mineApart.Contains(other.Id)))
            {
                continue;
            }

            foreach (var theirs in Terms(other))
            {
                if (mine.FirstOrDefault(term => Close(term, theirs)) is { } term)
                {
                    return (other, term, term == theirs);
                }
            }
        }

        return null;
    }

    /// <summary>An actor's name and aliases, normalised: lower case, letters and digits, one space between words, no leading "the".</summary>
    private static IEnumerable<string> Terms(Actor actor) => new[] { actor.Name }.Concat(actor.Aliases).Select(Normalise).Distinct(StringComparer.Ordinal);

    private static string Normalise(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture))
        {
            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words is ["the", .. var rest] ? rest : words);
    }

    /// <summary>
    /// Two names are one when equal once normalised, or, for names of ten characters or more, when at most two letters
    /// apart ("Drug Control Agency", "Drugs Control Agency"); short names (acronyms) must be equal, since "SCO" and
    /// "OSCE" are different bodies.
    /// </summary>
    internal static bool Close(string one, string other) =>
        one == other || (Math.Min(one.Length, other.Length) >= 10 && Math.Abs(one.Length - other.Length) <= MaxEdits && WithinEdits(one, other));

    private const int MaxEdits = 2;

    /// <summary>
    /// Tells whether the edit distance is at most <see cref="MaxEdits"/>, computing only the cells within that many of
    /// the diagonal and stopping once a whole row exceeds it: a large registry compares every pair of its names.
    /// </summary>
    private static bool WithinEdits(string one, string other)
    {
        const int far = MaxEdits + 1;
        var previous = new int[other.Length + 1];
        var current = new int[other.Length + 1];
        for (var j = 0; j <= other.Length; j++)
        {
            previous[j] = Math.Min(j, far);
        }

        for (var i = 1; i <= one.Length; i++)
        {
            Array.Fill(current, far);
            current[0] = Math.Min(i, far);
            var best = current[0];
            for (var j = Math.Max(1, i - MaxEdits); j <= Math.Min(other.Length, i + MaxEdits); j++)
            {
                var cost = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (one[i - 1] == other[j - 1] ? 0 : 1));
                current[j] = Math.Min(cost, far);
                best = Math.Min(best, current[j]);
            }

            if (best > MaxEdits)
            {
                return false;
            }

            (previous, current) = (current, previous);
        }

        return previous[other.Length] <= MaxEdits;
    }
}
