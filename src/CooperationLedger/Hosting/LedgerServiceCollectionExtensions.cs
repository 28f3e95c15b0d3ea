using CooperationLedger.Storage;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CooperationLedger.Hosting;

/// <summary>Registers the ledger in an application's services.</summary>
public static class LedgerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="Ledger"/> as a singleton, with <see cref="LedgerOptions"/> through the options pattern
    /// (<c>IOptions&lt;LedgerOptions&gt;</c>), checked when the ledger is first resolved and when the host starts.
    /// When the application has registered a Marten store (call <c>AddMarten</c> first), the ledger joins it: its
    /// events, projections and documents are added to that store (<c>StoreOptions.AddCooperationLedger()</c>, applied
    /// after the application's own configuration), and everything else about the store stays the application's.
    /// Otherwise a store of the ledger's own is registered, from <see cref="LedgerOptions.ConnectionString"/>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options; they may also be bound from configuration (see the other overload).</param>
    /// <returns>The same services, for chaining.</returns>
    /// <remarks>
    /// <para>The options are refused, with <see cref="OptionsValidationException"/> naming the option, when a store of
    /// the ledger's own has no connection string, one that cannot be read or a schema that is not a plain identifier;
    /// when a joined store is given a connection string, schema or creation policy, which that store decides; and when
    /// <c>AddMarten</c> was called after this method, which would leave two stores.</para>
    /// <para>Recorded times are stamped by a joined store's own <c>Events.TimeProvider</c>; a store of the ledger's own
    /// uses an <see cref="IClock"/> registered by the application, else the system clock. The connections of a store
    /// registered for the ledger are released when the container is disposed. Calling this method again adds its
    /// <paramref name="configure"/> and registers nothing twice.</para>
    /// </remarks>
    public static IServiceCollection AddCooperationLedger(this IServiceCollection services, Action<LedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LedgerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(descriptor => descriptor.ServiceType == typeof(LedgerRegistration)))
        {
            return services;
        }

        var registration = new LedgerRegistration(services, JoinsStore: services.Any(descriptor => descriptor.ServiceType == typeof(IDocumentStore)));
        services.AddSingleton(registration);
        services.AddSingleton<IValidateOptions<LedgerOptions>>(registration);
        options.ValidateOnStart();
        if (registration.JoinsStore)
        {
            services.ConfigureMarten(store => store.AddCooperationLedger());
        }
        else
        {
            services.TryAddSingleton(provider => new LedgerDataSource(provider.GetRequiredService<IOptions<LedgerOptions>>().Value.ConnectionString!));
            services.AddMarten(provider =>
            {
                var settings = provider.GetRequiredService<IOptions<LedgerOptions>>().Value.ForOwnStore();
                var store = new StoreOptions();
                StoreFactory.ConfigureOwnStore(store, provider.GetRequiredService<LedgerDataSource>().Source, settings, provider.GetService<IClock>());
                return store;
            });
        }

        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<LedgerOptions>>().Value;
            var store = provider.GetRequiredService<IDocumentStore>();
            var conjoined = store.Options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined;
            if (settings.MultiTenant != conjoined)
            {
                throw new OptionsValidationException(Options.DefaultName, typeof(LedgerOptions), [
                    $"CooperationLedger's LedgerOptions.MultiTenant is {settings.MultiTenant}, but the application's Marten store is {(conjoined ? string.Empty : "not ")}multi-tenanted (conjoined): make them agree."]);
            }

            return new Ledger(store, provider.GetService<ILogger<Ledger>>());
        });
        return services;
    }

    /// <summary>
    /// Registers <see cref="Ledger"/> as <see cref="AddCooperationLedger(IServiceCollection, Action{LedgerOptions})"/>
    /// does, with <see cref="LedgerOptions"/> bound from <paramref name="configuration"/> (for example
    /// <c>builder.Configuration.GetSection("CooperationLedger")</c>), so that they follow its changes until the ledger
    /// is first resolved.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The configuration section holding the options by name.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddCooperationLedger(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LedgerOptions>().Bind(configuration);
        return services.AddCooperationLedger();
    }

    /// <summary>
    /// What the ledger's registration decided (join the application's store, or register its own), and the check of
    /// the options against it.
    /// </summary>
    private sealed record LedgerRegistration(IServiceCollection Services, bool JoinsStore) : IValidateOptions<LedgerOptions>
    {
        public ValidateOptionsResult Validate(string? name, LedgerOptions options)
        {
            if (!JoinsStore && Services.Count(descriptor => descriptor.ServiceType == typeof(IDocumentStore)) > 1)
            {
                return ValidateOptionsResult.Fail(
                    "AddCooperationLedger() was called before AddMarten(...), so the ledger registered a Marten store of its own beside the application's: "
                    + "call AddMarten(...) first, and the ledger joins the application's store.");
            }

            if (JoinsStore)
            {
                var set = options.SetForJoinedStore().ToArray();
                return set.Length == 0
                    ? ValidateOptionsResult.Success
                    : ValidateOptionsResult.Fail($"CooperationLedger joins the application's Marten store, which decides what these options would: LedgerOptions.{string.Join(", LedgerOptions.", set)}. Leave them unset, or set them on the store.");
            }

            try
            {
                _ = options.ForOwnStore();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException exception)
            {
                return ValidateOptionsResult.Fail(exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal));
            }
        }
    }
}
