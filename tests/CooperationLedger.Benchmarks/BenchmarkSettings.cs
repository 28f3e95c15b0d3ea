using System.Globalization;

namespace CooperationLedger.Benchmarks;

/// <summary>What to measure: the sizes, the seed, how many queries, where to write the results.</summary>
internal sealed record BenchmarkSettings(IReadOnlyList<int> Sizes, int Seed, int Queries, string Output)
{
    public int MaxFacts => Sizes[^1];

    public static BenchmarkSettings Parse(string[] args)
    {
        var sizes = new[] { 10_000, 100_000, 1_000_000 };
        var seed = 42;
        var queries = 200;
        var output = "benchmark-results.json";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sizes":
                    sizes = args[i + 1].Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture)).Order().ToArray();
                    break;
                case "--seed":
                    seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--queries":
                    queries = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--output":
                    output = args[i + 1];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; the options are --sizes 10000,100000,1000000 --seed 42 --queries 200 --output FILE.");
            }
        }

        return new BenchmarkSettings(sizes, seed, queries, output);
    }
}
