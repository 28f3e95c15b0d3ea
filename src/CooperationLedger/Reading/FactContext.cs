using CooperationLedger.Facts;
using NodaTime;

namespace CooperationLedger.Reading;

/// <summary>What reading one fact needs: its fields, its document and article, the file's actors, and its key.</summary>
internal sealed record FactContext(YamlFields Fields, SourceDocument Document, QuoteIndex Quotes, IReadOnlyDictionary<string, Actor> Actors, string Key) : IFactReading
{
    IFactFields IFactReading.Fields => Fields;

    public Guid Id => FactIds.ForFact(Document.Key, Key);

    public string FullKey => $"{Document.Key}/{Key}";

    public Actor? Actor(string name, bool required = true)
    {
        var id = Fields.Text(name, required, 100);
        return id is null ? null : Resolve(name, id);
    }

    public IReadOnlyList<Actor> ActorList(string name, int minimum)
    {
        var ids = Fields.Texts(name, required: minimum > 0, 100);
        var actors = ids.Select(id => Resolve(name, id)).OfType<Actor>().ToArray();
        if (ids.Count < minimum && Fields.Has(name))
        {
            Fields.Error(name, $"needs at least {minimum} actors.");
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            Fields.Error(name, "names the same actor twice.");
        }

        return actors;
    }

    public Actor? Resolve(string name, string id) => Resolve(Fields, name, id);

    /// <summary>Gets the actor <paramref name="id"/> names, or reports field <paramref name="name"/> of <paramref name="fields"/> (a part of the fact, such as its citation).</summary>
    public Actor? Resolve(IFactFields fields, string name, string id)
    {
        if (Actors.TryGetValue(id, out var actor))
        {
            return actor;
        }

        var nearest = Spelling.Nearest(id, Actors.Keys);
        fields.Error(name, $"'{id}' is not an actor of this file (declare it under 'actors').{Spelling.DidYouMean(nearest)}");
        return null;
    }

    public ReportedDate? Date(IFactFields fields, string name, bool required, LocalDate? anchor) =>
        FactFileReader.ReadDate(Yaml(fields), name, required, anchor);

    public MoneyAmount? Money(IFactFields fields, string name) => FactFileReader.ReadMoney(Yaml(fields), name);

    /// <summary>Gets the fields as the YAML they are: every <see cref="IFactFields"/> a fact file's kinds read is one.</summary>
    private static YamlFields Yaml(IFactFields fields) =>
        fields as YamlFields ?? throw new ArgumentException("Fields of a fact file are read from its YAML.", nameof(fields));
}
