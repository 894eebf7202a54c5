namespace Interleave.Primitives;

/// <summary>A primitive a <see cref="Releaser"/> can release.</summary>
internal interface IReleasable
{
    void ReleaseFromReleaser();
}
