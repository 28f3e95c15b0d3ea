namespace CooperationLedger.Facts;

/// <summary>
/// The named fields of one mapping in a fact file, as a kind reads them. Nothing throws: every problem (absent, of the
/// wrong type, refused by a value's own validation) is recorded against the field's path and answered with
/// <see langword="null"/> or an empty list, so that one reading reports every error in a file.
/// </summary>
internal interface IFactFields
{
    /// <summary>Tells whether the field is present.</summary>
    bool Has(string name);

    /// <summary>Tells whether the field is the plain word <paramref name="word"/> (such as <c>unattributed</c>), recording nothing either way.</summary>
    bool Says(string name, string word);

    /// <summary>Records an error on a field.</summary>
    void Error(string name, string reason);

    /// <summary>Reads a text field.</summary>
    string? Text(string name, bool required = false, int maxLength = Preconditions.MaxTextLength);

    /// <summary>Reads a list of texts.</summary>
    IReadOnlyList<string> Texts(string name, bool required = false, int maxLength = 500);

    /// <summary>Reads a whole number within bounds.</summary>
    int? Integer(string name, bool required = false, int min = 0, int max = int.MaxValue);

    /// <summary>Reads a decimal number.</summary>
    decimal? Decimal(string name, bool required = false);

    /// <summary>Reads one of an enum's values, written in snake_case.</summary>
    TEnum? Choice<TEnum>(string name, bool required = false)
        where TEnum : struct, Enum;

    /// <summary>Reads a nested mapping.</summary>
    IFactFields? Map(string name, bool required = false);

    /// <summary>Reads a list of nested mappings.</summary>
    IReadOnlyList<IFactFields> Maps(string name, bool required = false);

    /// <summary>Builds a value whose constructor validates, recording its refusal as an error on the field.</summary>
    T? Check<T>(string name, Func<T> build)
        where T : class;

    /// <summary>Records an error for every field of the mapping nothing read.</summary>
    void RejectUnknown();
}
