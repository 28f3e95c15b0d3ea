using System.Buffers;
using System.Text;

namespace CooperationLedger.Cli.Output;

/// <summary>
/// A buffer of UTF-8 bytes for a <see cref="System.Text.Json.Utf8JsonWriter"/> that hands what is written to a text
/// writer at each advance, so that JSON goes to the output a buffer at a time and is never held whole as a string: a
/// whole-ledger answer's JSON is several times the size of the answer itself.
/// </summary>
internal sealed class TextWriterBuffer(TextWriter writer) : IBufferWriter<byte>
{
    private readonly Decoder decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private byte[] bytes = new byte[16 * 1024];
    private char[] chars = new char[16 * 1024];

    public void Advance(int count)
    {
        var span = bytes.AsSpan(0, count);
        var needed = decoder.GetCharCount(span, flush: false);
        if (needed > chars.Length)
        {
            chars = new char[needed];
        }

        writer.Write(chars, 0, decoder.GetChars(span, chars, flush: false));
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint);

    // What was handed out before is written at its advance, so the same bytes serve every request.
    private byte[] Ensure(int sizeHint) => sizeHint <= bytes.Length ? bytes : bytes = new byte[sizeHint];
}
