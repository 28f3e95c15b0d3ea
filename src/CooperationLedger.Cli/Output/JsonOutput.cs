using System.Text.Json;

namespace CooperationLedger.Cli.Output;

/// <summary>Machine output: the library's JSON contract (<see cref="LedgerJson"/>), indented, so the tool and an application's API agree.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>Writes <paramref name="value"/> as indented JSON and a line break, serialized straight to the output.</summary>
    public static void Write(CliContext context, object value)
    {
        using (var json = new Utf8JsonWriter(new TextWriterBuffer(context.Output), new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            JsonSerializer.Serialize(json, value, value.GetType(), Options);
        }

        context.Output.WriteLine();
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(LedgerJson.Options) { WriteIndented = true };
        options.MakeReadOnly();
        return options;
    }
}
