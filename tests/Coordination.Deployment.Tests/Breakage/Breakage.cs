namespace Coordination.Deployment.Tests.Breakage;

/// <summary>One deliberate defect: an edit of a file under k8s/, and the violations it must cause.</summary>
/// <param name="File">Path under k8s/.</param>
/// <param name="Overlay">The kustomization rendered after the edit.</param>
/// <param name="Rule">The one rule every reported violation must name.</param>
/// <param name="Subjects">Exactly the subjects reported (order free).</param>
public sealed record Breakage(string File, string Find, string Replace, string Overlay, string Rule, params string[] Subjects);
