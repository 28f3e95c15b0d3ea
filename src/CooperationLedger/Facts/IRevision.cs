namespace CooperationLedger.Facts;

/// <summary>An event that revises an earlier fact: a correction or a retraction, with its own citation.</summary>
public interface IRevision : ILedgerEvent
{
    /// <summary>Gets the id of the fact revised.</summary>
    Guid Revises { get; }

    /// <summary>Gets why the fact is revised, in the source's words or the editor's.</summary>
    string Reason { get; }
}
