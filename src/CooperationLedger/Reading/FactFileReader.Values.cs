using CooperationLedger.Facts;
using NodaTime;
using YamlDotNet.RepresentationModel;

namespace CooperationLedger.Reading;

/// <content>Reading the values facts are made of: dates with their precision, and amounts of money.</content>
internal static partial class FactFileReader
{
    /// <summary>Reads a date: a text such as <c>2006-11-22</c> or <c>2006-01/2006-09</c>, or a mapping with
    /// <c>value</c> and, optionally, <c>phrase</c> (a relative phrase resolved against the publication date, or against
    /// <c>anchor</c>), <c>inferred</c> (what it was inferred from).</summary>
    internal static ReportedDate? ReadDate(YamlFields fields, string name, bool required, LocalDate? anchor)
    {
        var raw = fields.Raw(name);
        if (raw is null)
        {
            if (required)
            {
                fields.Error(name, "is required.");
            }

            return null;
        }

        if (raw is YamlScalarNode)
        {
            var text = fields.Text(name, maxLength: 60);
            return text is null ? null : ParseDate(fields, name, text);
        }

        var parts = fields.Map(name);
        if (parts is null)
        {
            return null;
        }

        var value = parts.Text("value", required: true, 60);
        var phrase = parts.Text("phrase", maxLength: 200);
        var anchorText = parts.Text("anchor", maxLength: 20);
        var inferred = parts.Text("inferred", maxLength: 1000);
        parts.RejectUnknown();
        var date = value is null ? null : ParseDate(parts, "value", value);
        if (date is null)
        {
            return null;
        }

        if (phrase is not null)
        {
            var resolvedAgainst = anchorText is null ? anchor : ParseDate(parts, "anchor", anchorText)?.Earliest;
            if (resolvedAgainst is null)
            {
                parts.Error("anchor", "a relative phrase needs the day it was resolved against.");
                return null;
            }

            date = parts.Check("phrase", () => date.ResolvedFrom(phrase, resolvedAgainst.Value));
        }

        if (date is not null && inferred is not null)
        {
            date = parts.Check("inferred", () => date.Inferred(inferred));
        }

        return date;
    }

    private static ReportedDate? ParseDate(YamlFields fields, string name, string text)
    {
        if (ReportedDate.TryParse(text, out var date, out var error))
        {
            return date;
        }

        fields.Error(name, error);
        return null;
    }

    internal static MoneyAmount? ReadMoney(YamlFields fields, string name)
    {
        var money = fields.Map(name);
        if (money is null)
        {
            return null;
        }

        var equivalents = money.Maps("equivalents").Select(equivalent => ReadAmount(equivalent, [])).ToArray();
        return equivalents.Any(equivalent => equivalent is null) ? null : ReadAmount(money, equivalents!);
    }

    /// <summary>Reads an amount's own fields; equivalents are read by the caller, so an equivalent cannot have any.</summary>
    private static MoneyAmount? ReadAmount(YamlFields money, IReadOnlyList<MoneyAmount> equivalents)
    {
        var amount = money.Decimal("amount", required: true);
        var code = money.Text("currency", required: true, 10);
        var approximation = money.Choice<Approximation>("approximation") ?? Approximation.Exact;
        var upper = money.Decimal("upperBound");
        var verbatim = money.Text("verbatim", maxLength: 200);
        money.RejectUnknown();
        if (code is not null && !Currency.IsKnown(code))
        {
            money.Error("currency", $"'{code}' is not an ISO 4217 currency code.");
            return null;
        }

        return amount is null || code is null
            ? null
            : money.Check("amount", () => new MoneyAmount(amount.Value, new Currency(code), approximation, upper, verbatim, equivalents));
    }
}
