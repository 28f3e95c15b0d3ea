using System.Globalization;
using CooperationLedger.Facts;
using YamlDotNet.RepresentationModel;

namespace CooperationLedger.Reading;

/// <summary>
/// Reads the fields of one YAML mapping, turning every problem (a missing field, a wrong type, a value that fails its
/// own validation, a field the format does not know) into an error that names the fact and the field's path.
/// </summary>
internal sealed class YamlFields : IFactFields
{
    private readonly YamlMappingNode node;
    private readonly HashSet<string> read;

    private YamlFields(YamlMappingNode node, ErrorSink sink, string? fact, string path, HashSet<string>? read = null)
    {
        this.node = node;
        this.read = read ?? new HashSet<string>(StringComparer.Ordinal);
        Sink = sink;
        Fact = fact;
        PathPrefix = path;
    }

    public ErrorSink Sink { get; }

    public string? Fact { get; }

    public string PathPrefix { get; }

    public YamlNode Node => node;

    public static YamlFields? Of(YamlNode? node, ErrorSink sink, string? fact, string path)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlFields(mapping, sink, fact, path);
        }

        sink.Add(fact, path.Length == 0 ? null : path, "expected a mapping of fields (name: value).", node);
        return null;
    }

    public YamlFields WithFact(string? fact) => new(node, Sink, fact, PathPrefix, read);

    /// <summary>Gets the line of the file this mapping starts on.</summary>
    public int Line => (int)node.Start.Line;

    public string PathOf(string name) => PathPrefix.Length == 0 ? name : $"{PathPrefix}.{name}";

    public void Error(string name, string reason, YamlNode? at = null) => Sink.Add(Fact, PathOf(name), reason, at ?? Raw(name) ?? node);

    void IFactFields.Error(string name, string reason) => Error(name, reason);

    IFactFields? IFactFields.Map(string name, bool required) => Map(name, required);

    IReadOnlyList<IFactFields> IFactFields.Maps(string name, bool required) => Maps(name, required);

    T? IFactFields.Check<T>(string name, Func<T> build)
        where T : class => Check(name, build);

    public YamlNode? Raw(string name)
    {
        read.Add(name);
        return node.Children.TryGetValue(new YamlScalarNode(name), out var value) && !IsNull(value) ? value : null;
    }

    public bool Has(string name) => Raw(name) is not null;

    public bool Says(string name, string word) => Raw(name) is YamlScalarNode { Value: { } value } && value == word;

    /// <summary>Gets a list-valued field, reporting it when it is required and absent, or present and not a list.</summary>
    public YamlSequenceNode? Sequence(string name, bool required)
    {
        var raw = Required(name, required);
        if (raw is not null and not YamlSequenceNode)
        {
            Error(name, "expected a list.", raw);
        }

        return raw as YamlSequenceNode;
    }

    /// <summary>Gets a field's node, reporting it as missing when it is required and absent.</summary>
    public YamlNode? Required(string name, bool required)
    {
        var raw = Raw(name);
        if (raw is null && required)
        {
            Error(name, "is required.");
        }

        return raw;
    }

    public string? Text(string name, bool required = false, int maxLength = Preconditions.MaxTextLength)
    {
        var raw = Required(name, required);
        if (raw is null)
        {
            return null;
        }

        if (raw is not YamlScalarNode { Value: { } value })
        {
            Error(name, "expected a single value (text), not a list or mapping.", raw);
            return null;
        }

        return Check(name, () => Preconditions.CheckText(value, PathOf(name), maxLength), raw);
    }

    public IReadOnlyList<string> Texts(string name, bool required = false, int maxLength = 500)
    {
        if (Sequence(name, required) is not { } sequence)
        {
            return [];
        }

        var values = new List<string>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: { } value } && Check(name, () => Preconditions.CheckText(value, PathOf(name), maxLength), item) is { } text)
            {
                values.Add(text);
            }
            else if (item is not YamlScalarNode)
            {
                Error(name, "expected a list of single values.", item);
            }
        }

        if (required && values.Count == 0 && sequence.Children.Count == 0)
        {
            Error(name, "needs at least one entry.", sequence);
        }

        return values;
    }

    public int? Integer(string name, bool required = false, int min = 0, int max = int.MaxValue)
    {
        var text = Text(name, required, 20);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(name, $"'{text}' is not a whole number from {min} to {max}.");
            return null;
        }

        return value;
    }

    public decimal? Decimal(string name, bool required = false)
    {
        var text = Text(name, required, 40);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error(name, $"'{text}' is not a number (write digits with an optional sign and decimal point, no separators).");
            return null;
        }

        return value;
    }

    public TEnum? Choice<TEnum>(string name, bool required = false)
        where TEnum : struct, Enum
    {
        var text = Text(name, required, 60);
        if (text is null)
        {
            return null;
        }

        var match = Enum.GetValues<TEnum>().Where(value => SnakeCase(value.ToString()) == text).Select(value => (TEnum?)value).FirstOrDefault();
        if (match is null)
        {
            var words = Enum.GetValues<TEnum>().Select(value => SnakeCase(value.ToString())).ToArray();
            Error(name, $"'{text}' is not one of: {string.Join(", ", words)}.{Spelling.DidYouMean(Spelling.Nearest(text, words))}");
        }

        return match;
    }

    public YamlFields? Map(string name, bool required = false)
    {
        var raw = Required(name, required);
        if (raw is null)
        {
            return null;
        }

        return Of(raw, Sink, Fact, PathOf(name));
    }

    public IReadOnlyList<YamlFields> Maps(string name, bool required = false)
    {
        if (Sequence(name, required) is not { } sequence)
        {
            return [];
        }

        if (required && sequence.Children.Count == 0)
        {
            Error(name, "needs at least one entry.", sequence);
        }

        return sequence.Children
            .Select((item, index) => Of(item, Sink, Fact, $"{PathOf(name)}[{index}]"))
            .OfType<YamlFields>()
            .ToArray();
    }

    /// <summary>
    /// Builds a value whose constructor validates, turning its refusal into an error on the field: on
    /// <paramref name="name"/>, or on the field the refusal names where its parameter is one of
    /// <paramref name="fields"/> (a constructor that takes several fields says which one it refused).
    /// </summary>
    public T? Check<T>(string name, Func<T> build, YamlNode? at = null, IReadOnlyCollection<string>? fields = null)
        where T : class
    {
        try
        {
            return build();
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            var field = exception is ArgumentException { ParamName: { } parameter } && fields?.Contains(parameter) == true ? parameter : name;
            Error(field, FirstSentence(exception.Message), at);
            return null;
        }
    }

    /// <summary>Reports every field present in the mapping that nothing read: the format does not know it.</summary>
    public void RejectUnknown() => RejectUnknown(null);

    /// <summary>Reports every field that nothing read, saying <paramref name="known"/> (what the mapping's names may be) instead of the generic hint.</summary>
    public void RejectUnknown(string? known)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!read.Contains(name))
            {
                // In a { flow mapping }, an unquoted comma ends a value: the rest of the text reads as a field.
                var hint = node.Style == YamlDotNet.Core.Events.MappingStyle.Flow
                    ? " If it is the rest of a text that holds a comma, put the text in quotes."
                    : string.Empty;
                Sink.Add(Fact, PathOf(name), known ?? ("is not a field of this format (misspelt, or in the wrong place)." + hint), key);
            }
        }
    }

    public static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((character, index) => char.IsUpper(character) && index > 0 ? "_" + char.ToLowerInvariant(character) : char.ToLowerInvariant(character).ToString()));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };
}
