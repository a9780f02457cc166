namespace ArchiveBridge.Core.Checks;

/// <summary>What one check proves, for reports and config lint.</summary>
public sealed record CheckDefinition(
    string Id, CheckProperty Property, CheckLevel DefaultLevel, string Description, string DescriptionZh);
