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

    [Fact]
    public void A_flow_mapping_split_by_a_comma_in_its_text_gets_a_hint_to_quote_the_text()
    {
        var file = CopyBase(text => text.Replace("verbatim: 5m KGS,", "verbatim: 5m KGS, about,", StringComparison.Ordinal));

        var act = () => FactFileReader.Read(file);

        var error = act.Should().Throw<FactFileException>().Which.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("facts[0].value.about");
        error.Reason.Should().Contain("put the text in quotes");
    }

    [Fact]
    public void A_party_voice_without_a_speaker_names_the_field_to_add()
    {
        var file = CopyBase(text => text.Replace("      stance: party\n      attributedTo: beshimov\n\n  - key: heroin-2009", "      stance: party\n\n  - key: heroin-2009", StringComparison.Ordinal));

        var act = () => FactFileReader.Read(file);

        act.Should().Throw<FactFileException>().Which.Errors.Should().ContainSingle()
            .Which.Reason.Should().Contain("attributedTo");
    }

    [Fact]
    public void A_bad_date_lists_every_form_the_format_accepts()
    {
        var file = CopyBase(text => text.Replace("date: 2010-03-02", "date: March 2010", StringComparison.Ordinal));

        var act = () => FactFileReader.Read(file);

        var reason = act.Should().Throw<FactFileException>().Which.Errors.Should().ContainSingle().Subject.Reason;
        reason.Should().Contain("2006-11-22").And.Contain("2006-Q4").And.Contain("..2006-11-22").And.Contain("2006-01/2006-09").And.Contain("~");
    }

    [Fact]
    public void An_unknown_speaker_is_reported_at_its_citation_field_once()
    {
        var file = CopyBase(text => text.Replace("attributedTo: beshimov", "attributedTo: beshimof", StringComparison.Ordinal));

        var act = () => FactFileReader.Read(file);

        act.Should().Throw<FactFileException>().Which.Errors.Select(error => error.Field)
            .Should().Equal("facts[0].citation.attributedTo", "facts[1].citation.attributedTo");
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
