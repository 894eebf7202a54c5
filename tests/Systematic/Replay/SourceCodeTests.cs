using Interleave.Harness.Tracing;
using Interleave.Primitives.Instrumentation;

namespace Interleave.Tests.Systematic.Replay;

/// <summary>The code of a step's source line, as accounts and reports show it: read when the file is here, nothing when it is not.</summary>
public sealed class SourceCodeTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"interleave-source-{Guid.NewGuid():N}.cs");

    public SourceCodeTests() => File.WriteAllLines(_file, ["class Shop", "{", "        using (await seats.AcquireAsync())", new string('x', 100)]);

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void LineOf_AStepOfAFileThatIsHere_IsTheLineTrimmed() =>
        Assert.Equal("using (await seats.AcquireAsync())", new SourceCode().LineOf(At(_file, 3)));

    [Fact]
    public void LineOf_ALongLine_IsCutWithAnEllipsis()
    {
        var line = new SourceCode().LineOf(At(_file, 4));

        Assert.Equal(80, line.Length);
        Assert.EndsWith("x…", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)] // past the end: the file changed since the step was recorded
    [InlineData(0)] // no line known
    public void LineOf_ALineTheFileDoesNotHave_IsEmpty(int line) =>
        Assert.Empty(new SourceCode().LineOf(At(_file, line)));

    // A deterministic build records /_/ for the repository's root: the file is found under a root's parents.
    [Theory]
    [InlineData("/_/src/Shop.cs")]
    [InlineData("/_1/src/Shop.cs")]
    public void LineOf_APathMappedByADeterministicBuild_IsFoundAboveTheSearchRoot(string mapped)
    {
        var repository = Directory.CreateTempSubdirectory("interleave-repo-");
        try
        {
            Directory.CreateDirectory(Path.Combine(repository.FullName, "src"));
            File.Copy(_file, Path.Combine(repository.FullName, "src", "Shop.cs"));
            var output = Directory.CreateDirectory(Path.Combine(repository.FullName, "tests", "bin", "Debug"));

            Assert.Equal("using (await seats.AcquireAsync())", new SourceCode([output.FullName]).LineOf(At(mapped, 3)));
            Assert.Empty(new SourceCode([output.FullName]).LineOf(At("/_x/src/Shop.cs", 3)));
        }
        finally
        {
            repository.Delete(recursive: true);
        }
    }

    [Fact]
    public void LineOf_AFileThatIsGone_IsEmpty() =>
        Assert.Empty(new SourceCode().LineOf(At(Path.Combine(Path.GetTempPath(), "no-such-dir", "Gone.cs"), 1)));

    private static PrimitiveEvent At(string file, int line) =>
        new(PrimitiveKind.AsyncLock, "seats", PrimitiveOperation.Acquire, OperationOutcome.Completed, TaskIdentity.Root, -1, default, file, line);
}
