using System.Runtime.CompilerServices;
using System.Text.Json;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace CooperationLedger.Storage;

/// <summary>
/// Checks, when a ledger is made over a store, that the store can keep the ledger's facts: it was configured with
/// <c>AddCooperationLedger()</c>, it keeps streams by Guid, and its serializer reads a fact back exactly as it wrote
/// it. A store that fails is refused at startup with a sentence saying what to change, rather than writing events
/// that no query can read afterwards. The check also learns the JSON names the serializer gives the fields that the
/// ledger's own SQL reads (<see cref="StoredJsonNames"/>).
/// </summary>
internal static class StoreCheck
{
    private static readonly ConditionalWeakTable<ISerializer, StoredJsonNames> Names = [];

    /// <exception cref="InvalidOperationException">The store cannot keep the ledger's facts; the message says why and what to change.</exception>
    public static void Check(IDocumentStore store)
    {
        if (!LedgerStoreConfiguration.IsConfigured(store.Options))
        {
            throw new InvalidOperationException(
                "This Marten store was not configured for CooperationLedger: call StoreOptions.AddCooperationLedger() where the store is configured "
                + "(services.AddCooperationLedger() does this for a store registered with AddMarten).");
        }

        if (store.Options.Events.StreamIdentity != StreamIdentity.AsGuid)
        {
            throw new InvalidOperationException(
                $"CooperationLedger keeps its streams by Guid, but this store's Events.StreamIdentity is {store.Options.Events.StreamIdentity}: "
                + "give the ledger a store of its own (LedgerOptions.ConnectionString without AddMarten, or Ledger.Connect).");
        }

        var serializer = store.Options.Serializer();
        var problem = RoundTripProblem(serializer);
        if (problem is not null)
        {
            throw new InvalidOperationException(
                $"This store's serializer ({serializer.GetType().Name}) cannot keep CooperationLedger's facts: {problem}. "
                + "Use Marten's System.Text.Json serializer and call StoreOptions.AddCooperationLedger() after choosing it "
                + "(UseSystemTextJsonForSerialization(...) replaces the serializer and the NodaTime converters the ledger added to it), "
                + "or register the ledger with services.AddCooperationLedger(), which configures the final serializer.");
        }

        _ = NamesOf(serializer);
    }

    /// <summary>Gets the JSON names that <paramref name="serializer"/> writes for the fields the ledger's SQL reads.</summary>
    public static StoredJsonNames NamesOf(ISerializer serializer) => Names.GetValue(serializer, StoredJsonNames.Learn);

    /// <summary>Writes a fact that uses every kind of value the ledger stores, reads it back, and says what differs.</summary>
    private static string? RoundTripProblem(ISerializer serializer)
    {
        var probe = Probe();
        try
        {
            var json = serializer.ToJson(probe);
            if (json.Contains("\"Calendar\"", StringComparison.OrdinalIgnoreCase))
            {
                return "it writes NodaTime dates as objects of their parts, so NodaTime's converters are missing";
            }

            var back = serializer.FromJson<EquipmentDonated>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
            return FactFingerprint.Of(back) == FactFingerprint.Of(probe) ? null : $"a fact read back differs from the fact written ({json})";
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return $"reading a fact back failed ({exception.Message})";
        }
    }

    private static EquipmentDonated Probe()
    {
        const string text = "In April 2011 the donor pledged about 21m KGS of radios to the agency.";
        var document = new SourceDocument("store-check", "Store Check", ReportedDate.OnDay(new LocalDate(2011, 4, 30)), SourceDocument.FingerprintOf(text), issue: "1");
        var agency = new Actor("store-check-agency", ActorKind.Agency, "Agency", "KG", aliases: ["SCA"]);
        return new EquipmentDonated(
            FactIds.ForFact(document.Key, "probe"),
            $"{document.Key}/probe",
            Donor: new Actor("store-check-donor", ActorKind.Country, "Donor", "CN"),
            Recipient: agency,
            Channel: null,
            Items: ["radios"],
            Value: new MoneyAmount(21_000_000m, new Currency("KGS"), Approximation.About, verbatim: "about 21m KGS"),
            Effective: ReportedDate.InMonth(2011, 4),
            Stage: Stage.Pledged,
            Matter: "store-check",
            Citation: new Citation(document, "the donor pledged about 21m KGS", Stance.Party, agency));
    }
}
