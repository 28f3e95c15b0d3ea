using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CooperationLedger.Hosting;

/// <summary>Registers the ledger's health check with an application's health checks.</summary>
public static class LedgerHealthChecksBuilderExtensions
{
    /// <summary>The name the health check is registered under unless another is given.</summary>
    public const string DefaultName = "cooperation-ledger";

    /// <summary>
    /// Adds a check of the <see cref="Ledger"/> in the application's services (registered with
    /// <c>services.AddCooperationLedger(...)</c>): healthy when its database answers and holds all its tables, laid out
    /// for the store's tenancy; degraded, naming the missing tables or the tenancy that does not match, when the schema
    /// needs migrating; <paramref name="failureStatus"/> when the database does not answer. No description holds the
    /// connection's password.
    /// </summary>
    /// <param name="builder">The application's health checks.</param>
    /// <param name="name">The check's name; <see cref="DefaultName"/> when omitted.</param>
    /// <param name="failureStatus">What a database that does not answer reports; <see cref="HealthStatus.Unhealthy"/> when omitted.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">How long the check may take; the health check service's default when omitted.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHealthChecksBuilder AddCooperationLedger(this IHealthChecksBuilder builder, string name = DefaultName, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(name, services => new LedgerHealthCheck(services.GetRequiredService<Ledger>()), failureStatus, tags, timeout));
    }
}
