using System.Security.Cryptography;
using Npgsql;

namespace CooperationLedger.Tests.Support;

/// <summary>Gives a test class its own empty database on the run's server, and drops it afterwards.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private string? adminConnectionString;

    public string DatabaseName { get; } = "test_" + RandomNumberGenerator.GetHexString(12, lowercase: true);

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        adminConnectionString = await TestServer.GetAdminConnectionStringAsync();
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString)
        {
            Database = DatabaseName,
            MaxPoolSize = 20,
        }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (adminConnectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{DatabaseName}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
