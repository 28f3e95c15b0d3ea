using System.Globalization;
using CooperationLedger.Facts;
using DuckDB.NET.Data;
using Npgsql;

namespace CooperationLedger.Benchmarks;

/// <summary>
/// The second peer of the whole-ledger donor totals: the rows of the ledger's read table of facts exported from PostgreSQL as CSV, loaded
/// into an in-memory DuckDB, and grouped there (by donor, recipient, currency and stage, within a point's bounds,
/// revisions aside), every row of the answer read, as the hand-written SQL peer reads it from PostgreSQL.
/// </summary>
internal sealed class DuckPeer : IDisposable
{
    private readonly DuckDBConnection duck;
    private readonly string file;

    private DuckPeer(DuckDBConnection duck, string file) => (this.duck, this.file) = (duck, file);

    /// <summary>Exports the donations' rows of the read table and loads them; neither is measured.</summary>
    public static async Task<DuckPeer> LoadAsync(string connectionString, string factTable)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ledger-donations-{Guid.NewGuid():N}.csv");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            using var export = await connection.BeginTextExportAsync($"""
                copy (select f.donor_id as donor, f.recipient_id as recipient, f.currency, f.stage, f.amount, f.effective_to, f.known_to, f.recorded_us
                      from {factTable} f where f.amount is not null) to stdout (format csv, header)
                """);
            await File.WriteAllTextAsync(file, await export.ReadToEndAsync());
        }

        var duck = new DuckDBConnection("Data Source=:memory:");
        await duck.OpenAsync();
        await using var load = duck.CreateCommand();
        load.CommandText = $"create table donations as select * from read_csv_auto('{file}', header = true)";
        await load.ExecuteNonQueryAsync();
        return new DuckPeer(duck, file);
    }

    /// <summary>Groups the rows within the point's bounds (under "certainly") and reads every row of the answer.</summary>
    public async Task TotalsAsync(AsOf point)
    {
        await using var command = duck.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            select donor, recipient, currency, stage, count(*), sum(amount) from donations
            where effective_to <= {DayNumber.Of(point.Effective!.Value)} and known_to <= {DayNumber.Of(point.KnownOn!.Value)}
              and recorded_us <= {InstantNumber.Microseconds(point.RecordedAt!.Value)}
            group by donor, recipient, currency, stage
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetValue(5));
        }
    }

    public void Dispose()
    {
        duck.Dispose();
        File.Delete(file);
    }
}
