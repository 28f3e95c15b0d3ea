using System.Text.Json;
using System.Text.Json.Serialization;

namespace CooperationLedger.Facts;

/// <summary>Writes a <see cref="Currency"/> as its bare code.</summary>
internal sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A currency code is required."));

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}
