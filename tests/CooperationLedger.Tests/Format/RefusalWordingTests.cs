using CooperationLedger.Facts;
using CooperationLedger.Reading;
using CooperationLedger.Tests.Support;

namespace CooperationLedger.Tests.Format;

/// <summary>Refusals say what is wrong once, and what to write instead.</summary>
public sealed class RefusalWordingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ledger-wording-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void An_unknown_type_is_reported_once_naming_the_known_types_not_as_a_cascade_of_unknown_fields()
    {
        var file = CopyBase(text => text.Replace("type: equipment_donated", "type: equipment_donation", StringComparison.Ordinal));

        var act = () => FactFileReader.Read(file);

        var error = act.Should().Throw<FactFileException>().Which.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("facts[0].type");
        error.Reason.Should().Contain("'equipment_donation' is not a fact type").And.Contain("equipment_donated").And.Contain("reported_fact");
    }

    private string CopyBase(Func<string, string> change)
    {
        Directory.CreateDirectory(Path.Combine(folder, "facts"));
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        File.Copy(Fixtures.Article("malformed-base.txt"), Path.Combine(folder, "articles", "malformed-base.txt"), overwrite: true);
        var file = Path.Combine(folder, "facts", "malformed-base.yaml");
        File.WriteAllText(file, change(File.ReadAllText(Fixtures.FactFile("malformed-base"))));
        return file;
    }
}
