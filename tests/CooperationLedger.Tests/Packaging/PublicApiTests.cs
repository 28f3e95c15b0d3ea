using CooperationLedger.Tests.Support;
using PublicApiGenerator;

namespace CooperationLedger.Tests.Packaging;

/// <summary>
/// The public surface is deliberate: this test fails when it changes without the approved snapshot being updated. To
/// accept a change on purpose, copy the <c>.received.txt</c> file the failure names over <c>CooperationLedger.approved.txt</c>.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_approved_snapshot()
    {
        var api = typeof(Ledger).Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute"] });
        var approvedPath = Path.Combine(RepositoryRoot.Folder, "tests", "CooperationLedger.Tests", "Packaging", "CooperationLedger.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : string.Empty;
        if (Normalize(api) != Normalize(approved))
        {
            var received = approvedPath.Replace(".approved.txt", ".received.txt", StringComparison.Ordinal);
            File.WriteAllText(received, api);
            Assert.Fail($"The public API changed. If on purpose, copy {received} over {approvedPath}.");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
