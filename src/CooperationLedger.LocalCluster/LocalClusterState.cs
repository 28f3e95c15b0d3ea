namespace CooperationLedger.LocalCluster;

/// <summary>Whether a durable local cluster exists and whether its server runs.</summary>
public enum LocalClusterState
{
    /// <summary>No cluster has been created in the folder yet.</summary>
    NotCreated,

    /// <summary>The cluster exists and its server is not running.</summary>
    Stopped,

    /// <summary>The cluster exists and its server is running.</summary>
    Running,
}
