using System.Text.Json;

namespace CooperationLedger.Cli.Output;

/// <summary>Machine output: the library's JSON contract (<see cref="LedgerJson"/>), indented, so the tool and an application's API agree.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = Create();

    public static void Write(CliContext context, object value)
    {
        context.Output.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Options));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(LedgerJson.Options) { WriteIndented = true };
        options.MakeReadOnly();
        return options;
    }
}
