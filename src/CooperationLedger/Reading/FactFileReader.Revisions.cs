using CooperationLedger.Facts;

namespace CooperationLedger.Reading;

/// <content>Reading corrections and retractions, and the references to the facts they revise.</content>
internal static partial class FactFileReader
{
    private static ILedgerEvent? ReadRevision(FactContext c, string type)
    {
        var fields = c.Fields;
        var target = fields.Text(type == FactCatalog.Correction ? "corrects" : "retracts", required: true, 210);
        var reason = fields.Text("reason", required: true, 1000);
        var citation = ReadCitation(c);
        Correction? changes = null;
        if (type == FactCatalog.Correction)
        {
            var change = fields.Map("changes", required: true);
            if (change is not null)
            {
                var value = ReadMoney(change, "value");
                var statistic = change.Decimal("statisticValue");
                var date = ReadDate(change, "date", required: false, anchor: c.Document.PublishedOn.Earliest ?? c.Document.PublishedOn.Latest);
                var stage = change.Choice<Stage>("stage");
                change.RejectUnknown();
                changes = new Correction(value, statistic, date, stage);
                if (changes.IsEmpty)
                {
                    fields.Error("changes", "says nothing to change: give value, statisticValue, date or stage.");
                }
            }
        }

        if (target is null || reason is null || citation is null || (type == FactCatalog.Correction && (changes is null || changes.IsEmpty)))
        {
            return null;
        }

        var revised = RevisedFactId(c, target, type == FactCatalog.Correction ? "corrects" : "retracts");
        if (revised is null)
        {
            return null;
        }

        return type == FactCatalog.Correction
            ? new FactCorrected(c.Id, c.FullKey, revised.Value, reason, changes!, citation)
            : new FactRetracted(c.Id, c.FullKey, revised.Value, reason, citation);
    }

    private static Guid? RevisedFactId(FactContext c, string target, string field)
    {
        var parts = target.Split('/');
        var (documentKey, factKey) = parts.Length switch
        {
            1 => (c.Document.Key, parts[0]),
            2 => (parts[0], parts[1]),
            _ => (null, null),
        };
        if (documentKey is null || factKey is null || !FactKey().IsMatch(documentKey) || !FactKey().IsMatch(factKey))
        {
            c.Fields.Error(field, $"'{target}' is not a fact reference: write document-key/fact-key, or fact-key for this document.");
            return null;
        }

        if (documentKey == c.Document.Key && factKey == c.Key)
        {
            c.Fields.Error(field, "a fact cannot revise itself.");
            return null;
        }

        return FactIds.ForFact(documentKey, factKey);
    }
}
