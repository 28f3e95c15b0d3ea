using CooperationLedger.Facts;

namespace CooperationLedger.Synthetic;

/// <summary>The names synthetic history is made of: countries with their agencies and officials, organisations, words.</summary>
internal sealed class SyntheticVocabulary
{
    public static readonly string[] CountryCodes =
    [
        "KG", "KZ", "TJ", "UZ", "TM", "AF", "RU", "CN", "US", "GB", "DE", "FR", "TR", "IN", "PK", "IR", "JP", "KR", "IT", "ES",
        "NL", "SE", "NO", "FI", "PL", "UA", "BY", "AZ", "AM", "GE", "MN", "CA", "AU", "CH", "AT", "BE", "DK", "CZ", "HU", "RO",
    ];

    public static readonly string[] Currencies = ["USD", "EUR", "KGS", "RUB", "CNY", "KZT", "GBP", "JPY", "TJS", "UZS"];

    public static readonly string[] Metrics = ["narcotics seized", "heroin seized", "border violations detected", "trafficking cases opened", "extremists detained", "weapons seized"];

    public static readonly string[] Items = ["computers", "motor vehicles", "radio sets", "night-vision devices", "x-ray scanners", "drug-testing kits", "uniforms", "patrol boats", "body armour", "forensic equipment"];

    public static readonly string[] Areas = ["terrorism and extremism", "drug trafficking", "border security", "sharing of equipment and technology", "cybercrime", "human trafficking", "disaster response", "training of officers"];

    public static readonly string[] Publications = ["Eurasia Daily Monitor", "Central Asia Online", "Kabar Digest", "Regional Security Review", "Steppe Observer", "Bishkek Weekly"];

    public static readonly string[] Outlets = ["Kabar", "Akipress", "Interfax", "Regnum", "Kyrgyz Television 1", "Khabar", "Asia-Plus", "Xinhua"];

    private static readonly string[] Given = ["Askar", "Bolot", "Nurlan", "Timur", "Sergei", "Li", "John", "Aziz", "Rustam", "Farid", "Ivan", "Chen"];
    private static readonly string[] Family = ["Dzhumabaev", "Ivanov", "Karimov", "Wang", "Smith", "Usmonov", "Petrov", "Saidov", "Zhang", "Brown", "Aliev", "Omarov"];
    private static readonly string[] Bodies = ["Interior Ministry", "Drug Control Agency", "Border Service", "Defense Ministry", "National Security Committee"];

    public SyntheticVocabulary()
    {
        Countries = CountryCodes.Select(code => new Actor(code.ToLowerInvariant(), ActorKind.Country, $"Country {code}", code)).ToArray();
        Agencies = CountryCodes.SelectMany(code => Bodies.Select((body, index) =>
            new Actor($"{code.ToLowerInvariant()}-body-{index}", ActorKind.Agency, $"{code} {body}", code))).ToArray();
        Officials = Agencies.SelectMany((agency, index) => Enumerable.Range(0, 2).Select(n =>
            new Actor($"{agency.Id}-official-{n}", ActorKind.Person, $"{Given[(index + n) % Given.Length]} {Family[(index * 7 + n) % Family.Length]}", agency.Country, $"head of the {agency.Name}", agency.Id))).ToArray();
        Organisations =
        [
            new Actor("iom", ActorKind.InternationalOrganisation, "International Organization for Migration", aliases: ["IOM"]),
            new Actor("osce", ActorKind.InternationalOrganisation, "Organization for Security and Co-operation in Europe", aliases: ["OSCE"]),
            new Actor("unodc", ActorKind.InternationalOrganisation, "United Nations Office on Drugs and Crime", aliases: ["UNODC"]),
            new Actor("sco", ActorKind.InternationalOrganisation, "Shanghai Cooperation Organisation", aliases: ["SCO"]),
        ];
    }

    public IReadOnlyList<Actor> Countries { get; }

    public IReadOnlyList<Actor> Agencies { get; }

    public IReadOnlyList<Actor> Officials { get; }

    public IReadOnlyList<Actor> Organisations { get; }
}
