using System.Collections.Frozen;
using CooperationLedger.Facts;
using Npgsql;

namespace CooperationLedger.Storage;

/// <summary>
/// A bulk-append batch's place in line. While one batch writes its entries, the next, on a connection of its own,
/// numbers and writes its events and its entries, all but its revisions of that batch's facts: it reads an entry the
/// batch before it wrote (to revise it), and commits, only once that batch has committed. The history thus grows in the
/// order of its input, as it does one batch at a time: every event's place in the sequence and recorded time come after
/// those of the batch before, no reader sees a batch without the one before it, and an entry is revised after it was
/// written.
/// </summary>
/// <remarks>
/// Each batch's transaction holds an advisory lock of its own, and the next takes it, shared, before it reads an entry
/// that batch wrote and before it commits: it thus waits for the batch before it in PostgreSQL, where a wait that
/// closes a cycle with another writer's row locks is found and broken as a deadlock, rather than in the client, where
/// it would hang. The client waits only where the waiting batch holds no lock (before it starts) or where the batch it
/// waits for has ended its transaction. A batch whose predecessor rolled back rolls back too
/// (<see cref="PreviousNotCommittedException"/>) and is written again once its predecessor is done.
/// </remarks>
internal sealed class BatchTurn
{
    private readonly BatchTurn? previous;
    private readonly int key = Random.Shared.Next();
    private readonly TaskCompletionSource numbered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Initializes a turn after <paramref name="previous"/>, or one with nothing before it when that is null.</summary>
    /// <param name="previous">The turn of the batch before this one.</param>
    /// <param name="facts">The facts this batch adds, which the batch after it may revise.</param>
    public BatchTurn(BatchTurn? previous, IReadOnlySet<Guid> facts)
    {
        this.previous = previous;
        Facts = facts;
    }

    /// <summary>Gets the facts this batch adds.</summary>
    public IReadOnlySet<Guid> Facts { get; }

    /// <summary>Gets the facts the batch before this one adds, not yet committed when this one checks its revisions.</summary>
    public IReadOnlySet<Guid> PreviousFacts => previous?.Facts ?? FrozenSet<Guid>.Empty;

    /// <summary>
    /// Gets the actors this batch registers or adds names or a body to (<see cref="ActorRegistration"/>), known before it
    /// is numbered. The batch after it checks its own declarations against them, since it cannot read them before this batch commits, and
    /// leaves them to this batch to write: two open transactions that write one row wait for each other, and in
    /// opposite orders deadlock.
    /// </summary>
    public IReadOnlyDictionary<string, ActorRegistration> Actors { get; private set; } = FrozenDictionary<string, ActorRegistration>.Empty;

    /// <summary>Gets the actors the batch before this one registers.</summary>
    public IReadOnlyDictionary<string, ActorRegistration> PreviousActors => previous?.Actors ?? FrozenDictionary<string, ActorRegistration>.Empty;

    /// <summary>Records the actors this batch registers; call it before <see cref="MarkNumbered"/>.</summary>
    public void RegisterActors(IEnumerable<ActorRegistration> actors) => Actors = actors.ToFrozenDictionary(actor => actor.Id, StringComparer.Ordinal);

    /// <summary>Gets a task that completes once this batch has its events' places and recorded times, or has ended.</summary>
    public Task Numbered => numbered.Task;

    /// <summary>Takes this batch's lock in its connection's open transaction.</summary>
    public Task HoldAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        AdvisoryLocks.HoldBatchAsync(connection, key, cancellationToken);

    /// <summary>Records that this batch's events have their places and recorded times: the next batch may take its own.</summary>
    public void MarkNumbered() => numbered.TrySetResult();

    /// <summary>
    /// Waits, in the connection's open transaction, until the batch before this one has ended its transaction, then
    /// checks that it committed.
    /// </summary>
    /// <exception cref="PreviousNotCommittedException">The batch before this one rolled back.</exception>
    public async Task WaitForPreviousAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (previous is not null)
        {
            await AdvisoryLocks.AwaitBatchAsync(connection, previous.key, cancellationToken).ConfigureAwait(false);
            await WaitForPreviousAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits, holding no lock, until the batch before this one has ended its transaction, then checks that it committed.</summary>
    /// <exception cref="PreviousNotCommittedException">The batch before this one rolled back.</exception>
    public async Task WaitForPreviousAsync()
    {
        if (previous is not null && !await previous.ended.Task.ConfigureAwait(false))
        {
            throw new PreviousNotCommittedException();
        }
    }

    /// <summary>
    /// Records how this batch's transaction ended. The first call counts: a commit recorded stays recorded, and the batch
    /// after a rolled-back attempt has rolled back too.
    /// </summary>
    public void End(bool committed)
    {
        numbered.TrySetResult();
        ended.TrySetResult(committed);
    }

    /// <summary>The batch before this one did not commit: this one rolled back, to be written again after it.</summary>
    public sealed class PreviousNotCommittedException() : Exception("The batch before this one did not commit.");
}
