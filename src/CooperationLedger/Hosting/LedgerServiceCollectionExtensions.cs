using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;

namespace CooperationLedger.Hosting;

/// <summary>Registers the ledger in an application's services.</summary>
public static class LedgerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Ledger"/> as a singleton. When the application has no Marten store, this registers one for the
    /// ledger from <see cref="LedgerOptions.ConnectionString"/>; when it has one, configure that store with
    /// <c>StoreOptions.AddCooperationLedger()</c> and the ledger joins it without taking it over.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same services, for chaining.</returns>
    /// <exception cref="ArgumentException">The options are invalid: no connection string and no Marten store, a connection
    /// string that cannot be read, or a schema that is not a plain identifier. The message says which.</exception>
    /// <remarks>An <see cref="IClock"/> registered by the application stamps recorded times; else the system clock. The
    /// connections of a store registered for the ledger are released when the container is disposed.</remarks>
    public static IServiceCollection AddCooperationLedger(this IServiceCollection services, Action<LedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new LedgerOptions();
        configure?.Invoke(options);
        var hasStore = services.Any(descriptor => descriptor.ServiceType == typeof(IDocumentStore));
        var settings = Validate(options, hasStore);
        if (!hasStore)
        {
            services.TryAddSingleton(_ => new LedgerDataSource(options.ConnectionString!));
            services.AddMarten(provider =>
            {
                var store = new StoreOptions();
                StoreFactory.ConfigureOwnStore(store, provider.GetRequiredService<LedgerDataSource>().Source, settings, provider.GetService<IClock>());
                return store;
            });
        }
        else
        {
            services.ConfigureMarten(options => options.AddCooperationLedger());
        }

        services.TryAddSingleton(provider => new Ledger(provider.GetRequiredService<IDocumentStore>(), provider.GetService<ILogger<Ledger>>()));
        return services;
    }

    private static LedgerStoreSettings Validate(LedgerOptions options, bool hasStore)
    {
        if (!hasStore && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(
                "CooperationLedger needs LedgerOptions.ConnectionString when the application registers no Marten store (or register Marten first, with StoreOptions.AddCooperationLedger()).",
                nameof(options));
        }

        if (!hasStore)
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException exception)
            {
                throw new ArgumentException($"CooperationLedger's LedgerOptions.ConnectionString cannot be read: {exception.Message}", nameof(options), exception);
            }
        }

        try
        {
            return new LedgerStoreSettings { Schema = options.Schema, AutoCreate = options.AutoCreate };
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"CooperationLedger's LedgerOptions.Schema is invalid: {exception.Message}", nameof(options), exception);
        }
    }
}
