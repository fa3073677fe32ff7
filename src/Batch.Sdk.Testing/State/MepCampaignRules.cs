namespace Batch.Sdk.Testing.State;

/// <summary>Which documented update rules apply to a kind of 1.1 campaign.</summary>
/// <param name="Completion">Push: a complete campaign cannot be set live again.</param>
/// <param name="Recurrence">Push: a recurring campaign cannot go back to one-time.</param>
internal sealed record MepCampaignRules(bool Completion, bool Recurrence)
{
    /// <summary>The push update page lists all three rules.</summary>
    public static MepCampaignRules Push { get; } = new(Completion: true, Recurrence: true);

    /// <summary>The in-app update page lists only "parameters added by an update cannot be removed".</summary>
    public static MepCampaignRules InApp { get; } = new(Completion: false, Recurrence: false);
}
