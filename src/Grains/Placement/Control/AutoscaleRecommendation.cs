namespace Coordination.Placement;

/// <summary>The autoscaler's answer for one workload: the replicas it should have, the KPI average it saw, and why.</summary>
public sealed record AutoscaleRecommendation(int Desired, double? KpiValue, string Reason);
