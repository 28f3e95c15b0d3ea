using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CooperationLedger.Facts;

namespace CooperationLedger;

/// <summary>
/// The JSON contract of the ledger's answers, audits and facts, as <c>ledger --json</c> writes them: dates and instants
/// in ISO 8601 (<c>"2011-12-31"</c>, <c>"2011-12-31T09:00:00Z"</c>), a reported date as one object: its text form
/// as the fact files write it (<c>"text": "2006~"</c>), its earliest and latest days, precision, whether it is a
/// period, approximate or inferred, and what it was inferred or resolved from where it was, the ledger's enums as snake_case strings (<c>"pledged"</c>), amounts as
/// JSON numbers with ISO 4217 currency codes, and a fact typed as <see cref="ILedgerEvent"/> (an audit's fact, an
/// exported fact, a document's facts) written whole with its stable name in <c>"type"</c>
/// (<c>"equipment_donated"</c>), by which it is read back.
/// </summary>
/// <remarks>
/// For ASP.NET Core: <c>builder.Services.ConfigureHttpJsonOptions(json =&gt; LedgerJson.Configure(json.SerializerOptions))</c>.
/// Only the ledger's own enums become strings, and NodaTime's converters are added unless present, so the
/// application's other types serialize as they did.
/// </remarks>
public static class LedgerJson
{
    /// <summary>The name of the property that carries a fact's stable type name.</summary>
    public const string TypeProperty = "type";

    /// <summary>Gets read-only options with the web defaults (camelCase names) and the ledger's contract.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Adds the ledger's contract to <paramref name="options"/>, leaving its naming policy and its other types as they are.</summary>
    /// <param name="options">Options not yet used to serialize (System.Text.Json makes options read-only once used).</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The options are read-only.</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FactJson.ConfigureLedgerTypes(options, dateParts: true);

        // System.Text.Json takes the first converter that can convert a type: the ledger's enums go first, so that an
        // application's converter for every enum, added before or after, leaves the ledger's in their contract.
        if (!options.Converters.Any(converter => converter is LedgerEnumConverter))
        {
            options.Converters.Insert(0, new LedgerEnumConverter());
        }

        options.AllowOutOfOrderMetadataProperties = true;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NameFactTypes).WithAddedModifier(OmitListedSources);
        return options;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Leaves out the <c>sources</c> of a donor total or a claim when it carries none: a listing's lines are cited apart
    /// (<see cref="Answers.DonorTotalsListing"/>, <see cref="Answers.ClaimedStatisticsListing"/>), and every line of an
    /// answer has at least one.
    /// </summary>
    private static void OmitListedSources(JsonTypeInfo info)
    {
        var name = info.Type == typeof(Answers.DonorTotal) ? nameof(Answers.DonorTotal.Sources)
            : info.Type == typeof(Answers.ClaimedStatistic) ? nameof(Answers.ClaimedStatistic.Sources)
            : null;
        if (name is null)
        {
            return;
        }

        foreach (var property in info.Properties.Where(property => property.AttributeProvider is System.Reflection.PropertyInfo found && found.Name == name))
        {
            property.ShouldSerialize = (_, value) => value is IReadOnlyCollection<Answers.SourceReference> { Count: > 0 };
        }
    }

    /// <summary>Makes <see cref="ILedgerEvent"/> polymorphic over the ledger's facts, by their stable names.</summary>
    private static void NameFactTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(ILedgerEvent) || info.PolymorphismOptions is not null)
        {
            return;
        }

        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = TypeProperty,
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var (type, alias) in FactCatalog.Events)
        {
            polymorphism.DerivedTypes.Add(new JsonDerivedType(type, alias));
        }

        info.PolymorphismOptions = polymorphism;
    }

    /// <summary>Writes and reads the ledger's own enums as snake_case strings, and no other enum.</summary>
    private sealed class LedgerEnumConverter : JsonConverterFactory
    {
        private readonly JsonStringEnumConverter strings = new(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);

        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && typeToConvert.Assembly == typeof(LedgerJson).Assembly;

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => strings.CreateConverter(typeToConvert, options);
    }
}
