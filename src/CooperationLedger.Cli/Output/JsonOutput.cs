using System.Text.Json;
using CooperationLedger.Facts;

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

    /// <summary>
    /// Writes an answer in the contract every command's JSON keeps: one object, never a bare array; <c>asOf</c> first for
    /// an answer as of a point; its items under <paramref name="name"/>; and, for a page, <c>page</c> last.
    /// </summary>
    public static void WriteAnswer<T>(CliContext context, AsOf? asOf, string name, IReadOnlyList<T> items, Page page)
    {
        using (var json = new Utf8JsonWriter(new TextWriterBuffer(context.Output), new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            json.WriteStartObject();
            if (asOf is not null)
            {
                json.WritePropertyName("asOf");
                JsonSerializer.Serialize(json, asOf, Options);
            }

            json.WritePropertyName(name);
            JsonSerializer.Serialize(json, page.Of(items), Options);
            if (page.Asked)
            {
                json.WritePropertyName("page");
                JsonSerializer.Serialize(json, page.Info(items), Options);
            }

            json.WriteEndObject();
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
