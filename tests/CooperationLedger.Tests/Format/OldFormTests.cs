using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;
using Npgsql;

namespace CooperationLedger.Tests.Format;

/// <summary>
/// Facts written before counts had hedges (a range stored as its low and high ends alone, fingerprinted without a
/// hedge) still read back the same, and ingesting their file again appends nothing and refuses nothing. The fixture's
/// "some 40", which the old form could not state, is left as it is written now.
/// </summary>
public sealed class OldFormTests(LedgerFixture fixture) : IClassFixture<LedgerFixture>
{
    [Fact]
    public async Task A_range_count_written_in_the_old_form_reads_back_as_a_range_and_is_present_on_a_second_ingest()
    {
        var file = Fixtures.FactFile("brief-2013-osce-aid");
        await fixture.Ledger.IngestAsync([file]);
        var results = FactFileReader.Read(file).Events.OfType<OperationResultsClaimed>().Single();
        await RewriteInOldFormAsync(results);

        var trail = await fixture.Ledger.AuditAsync(results.FactId);
        var again = await fixture.Ledger.IngestAsync([file]);

        trail!.Fact.Should().BeEquivalentTo(results, options => options.RespectingRuntimeTypes());
        ((OperationResultsClaimed)trail.Fact).Counts[1].Count.Approximation.Should().Be(Approximation.Range);
        again.FactsAppended.Should().Be(0);
        again.FactsAlreadyPresent.Should().Be(FactFileReader.Read(file).Events.Count);
    }

    /// <summary>Stores the fact as the version before hedged counts wrote it: no hedge in its counts, and its fingerprint without one.</summary>
    private async Task RewriteInOldFormAsync(OperationResultsClaimed fact)
    {
        var schema = ((Marten.IDocumentStore)fixture.Ledger.Store).Options.Events.DatabaseSchemaName;
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand($"select data::text from {schema}.mt_events where type = 'operation_results_claimed'", connection);
        var stored = JsonNode.Parse((string)(await read.ExecuteScalarAsync())!)!;
        RemoveHedges(stored);
        await using (var write = new NpgsqlCommand($"update {schema}.mt_events set data = $1::jsonb where type = 'operation_results_claimed'", connection))
        {
            write.Parameters.Add(new NpgsqlParameter { Value = stored.ToJsonString() });
            (await write.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var canonical = FactFingerprint.ToJson(fact);
        RemoveHedges(canonical);
        var oldHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical, FactFingerprint.Json)));
        oldHash.Should().NotBe(FactFingerprint.Of(fact), "a range's hedge is part of the fingerprint now");
        await using var index = new NpgsqlCommand($"update {schema}.mt_doc_factrecord set data = jsonb_set(data, '{{contentHash}}', to_jsonb($1::text)) where id = $2", connection);
        index.Parameters.Add(new NpgsqlParameter { Value = oldHash });
        index.Parameters.Add(new NpgsqlParameter { Value = fact.FactId });
        (await index.ExecuteNonQueryAsync()).Should().Be(1);
    }

    private static bool IsRange(JsonNode? value) =>
        value is JsonValue scalar && (scalar.TryGetValue<string>(out var text) ? text.Equals("range", StringComparison.OrdinalIgnoreCase) : scalar.TryGetValue<int>(out var number) && number == (int)Approximation.Range);

    private static void RemoveHedges(JsonNode node)
    {
        switch (node)
        {
            case JsonObject item:
                // The old version could state a range, by its high end, and no other hedge.
                foreach (var name in item.Where(property => property.Key.Equals("approximation", StringComparison.OrdinalIgnoreCase) && IsRange(property.Value)).Select(property => property.Key).ToArray())
                {
                    item.Remove(name);
                }

                foreach (var child in item.Select(property => property.Value).OfType<JsonNode>().ToArray())
                {
                    RemoveHedges(child);
                }

                break;
            case JsonArray list:
                foreach (var child in list.OfType<JsonNode>())
                {
                    RemoveHedges(child);
                }

                break;
        }
    }
}
