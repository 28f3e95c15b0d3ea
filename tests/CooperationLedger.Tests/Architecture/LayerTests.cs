namespace CooperationLedger.Tests.Architecture;

/// <summary>
/// The library's namespaces are layers that point one way, each using only those before it: the facts, what the
/// ledger answers, its instruments, the as-of logic, the views, reading fact files, storage (the only place that
/// sends SQL or names Marten's tables), appending, the <see cref="Ledger"/> facade, and hosting in an application;
/// the six before storage know nothing of the database.
/// </summary>
public sealed class LayerTests
{
    private static readonly string[] Layers =
    [
        "CooperationLedger.Facts",
        "CooperationLedger.Answers",
        "CooperationLedger.Diagnostics",
        "CooperationLedger.Resolution",
        "CooperationLedger.Views",
        "CooperationLedger.Reading",
        "CooperationLedger.Storage",
        "CooperationLedger.Appending",
        "CooperationLedger",
        "CooperationLedger.Hosting",
    ];

    /// <summary>The layers that know nothing of the database: no Marten, no Npgsql, no SQL.</summary>
    private static readonly string[] Pure = ["CooperationLedger.Facts", "CooperationLedger.Answers", "CooperationLedger.Diagnostics", "CooperationLedger.Resolution", "CooperationLedger.Views", "CooperationLedger.Reading"];

    private static readonly string[] DatabaseLibraries = ["Marten", "Npgsql", "Weasel", "JasperFx"];

    private static readonly NamespaceGraph Graph = NamespaceGraph.Read(typeof(Ledger).Assembly.Location, "CooperationLedger");

    [Fact]
    public void No_namespaces_of_the_library_use_each_other_in_a_circle()
    {
        Graph.Cycles().Select(cycle => string.Join(" <-> ", cycle)).Should().BeEmpty();
    }

    [Fact]
    public void Every_namespace_is_a_layer_and_uses_only_the_layers_before_it()
    {
        Graph.Uses.Keys.Should().BeSubsetOf(Layers, "a namespace of the library is one of its layers");

        var upward = Graph.TypeUses
            .Where(use => Array.IndexOf(Layers, NamespaceOf(use.To)) > Array.IndexOf(Layers, NamespaceOf(use.From)))
            .Select(use => $"{use.From} uses {use.To}")
            .Distinct(StringComparer.Ordinal);

        upward.Should().BeEmpty();
    }

    [Fact]
    public void The_layers_before_storage_know_nothing_of_the_database()
    {
        var touching = Pure.SelectMany(layer => (Graph.ExternalUses.GetValueOrDefault(layer) ?? [])
            .Where(used => DatabaseLibraries.Any(library => used == library || used.StartsWith(library + ".", StringComparison.Ordinal)))
            .Select(used => $"{layer} uses {used}"));

        touching.Should().BeEmpty();
    }

    [Fact]
    public void Only_storage_sends_statements_to_the_database()
    {
        string[] statements = ["Npgsql.NpgsqlCommand", "Npgsql.NpgsqlBatch", "Npgsql.NpgsqlBinaryImporter", "Npgsql.NpgsqlDataReader"];

        var sending = Graph.ExternalUses
            .Where(layer => layer.Key != "CooperationLedger.Storage")
            .SelectMany(layer => layer.Value.Intersect(statements).Select(type => $"{layer.Key} uses {type}"));

        sending.Should().BeEmpty("SQL and Marten's table names live in storage alone");
    }

    [Fact]
    public void Only_storage_writes_sql_or_names_martens_tables()
    {
        var sql = new System.Text.RegularExpressions.Regex(@"\bmt_[a-z]|^\s*(select|insert|update|delete|create|alter|drop|copy|with)\s", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        string[] rawSql = ["::QueryAsync(String", "::Query(String", "::QueueSqlCommand(", "::AdvancedSql", "::StreamJson(String", "::ExecuteAsync(String"];

        var written = Graph.Literals.Where(layer => layer.Key != "CooperationLedger.Storage")
            .SelectMany(layer => layer.Value.Where(literal => sql.IsMatch(literal)).Select(literal => $"{layer.Key} holds \"{literal}\""));
        var sent = Graph.ExternalCalls.Where(layer => layer.Key != "CooperationLedger.Storage")
            .SelectMany(layer => layer.Value.Where(call => call.StartsWith("Marten", StringComparison.Ordinal) && rawSql.Any(call.Contains)).Select(call => $"{layer.Key} calls {call}"));

        written.Concat(sent).Should().BeEmpty("SQL text and Marten's table names live in storage alone");
    }

    [Fact]
    public void Every_type_of_the_library_is_in_a_layer()
    {
        Graph.TypesOutside.Should().BeEmpty("a type in no layer's namespace would escape every rule here");
    }

    [Fact]
    public void The_public_surface_is_four_namespaces()
    {
        typeof(Ledger).Assembly.GetExportedTypes().Select(type => type.Namespace).Distinct().Order(StringComparer.Ordinal)
            .Should().Equal("CooperationLedger", "CooperationLedger.Answers", "CooperationLedger.Facts", "CooperationLedger.Hosting");
    }

    private static string NamespaceOf(string fullName) => fullName[..fullName.LastIndexOf('.')];
}
