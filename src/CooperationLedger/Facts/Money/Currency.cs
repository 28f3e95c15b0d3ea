using System.Collections.Frozen;
using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>A currency by its ISO 4217 alphabetic code, such as <c>KGS</c> (Kyrgyz som) or <c>USD</c>.</summary>
/// <remarks>
/// Current codes and the withdrawn codes that post-1999 reporting still uses are accepted; any other text is refused.
/// This type is an immutable value type and thread-safe.
/// </remarks>
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly record struct Currency
{
    private static readonly FrozenSet<string> Codes = (
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP " +
        "CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF " +
        "IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK " +
        "MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR " +
        "SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES " +
        "VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG " +
        // Withdrawn since 1999 but found in reporting of their time.
        "AFA AZM BYR GHC MRO MZM ROL RUR SDD SLL STD TJR TMM TRL VEB VEF YUM ZMK ZWD ZWL")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    private readonly string? code;

    /// <summary>Initializes a currency from its ISO 4217 code.</summary>
    /// <param name="code">Three upper-case letters, such as <c>KGS</c>.</param>
    /// <exception cref="ArgumentException">The code is not an ISO 4217 currency code.</exception>
    public Currency(string code)
    {
        if (code is null || !Codes.Contains(code))
        {
            throw new ArgumentException($"'{code}' is not an ISO 4217 currency code.{(code is null ? string.Empty : Spelling.DidYouMean(Spelling.Nearest(code, KnownCodes)))}", nameof(code));
        }

        this.code = code;
    }

    /// <summary>Gets the ISO 4217 code.</summary>
    /// <exception cref="InvalidOperationException">The currency is the default value, which has no code.</exception>
    public string Code => code ?? throw new InvalidOperationException("A default Currency has no code.");

    /// <summary>Tells whether <paramref name="code"/> is an accepted ISO 4217 code.</summary>
    /// <param name="code">The text to check.</param>
    /// <returns><see langword="true"/> when the code is accepted.</returns>
    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    /// <summary>Gets every accepted code, for the nearest spellings of one that is not.</summary>
    internal static IEnumerable<string> KnownCodes => Codes;

    /// <summary>Gets the ISO 4217 code, or, for the default value, which has no code, the empty string.</summary>
    /// <returns>The code, such as <c>KGS</c>; never <see langword="null"/>.</returns>
    public override string ToString() => code ?? string.Empty;
}
