using Interleave.Harness;
using Interleave.Primitives;

namespace Interleave.Tests.Systematic.Exploration;

/// <summary>
/// A test whose code fails to load (a type its Interleave.Primitives lacks, a dependency missing) is told as
/// a set-up error naming what failed to load, on each engine, after one schedule; an exception of the code
/// under test that only looks alike (a missing file) is still the bug it is. The failures are the runtime's
/// own, asked for by name as compiled code asks for what it references.
/// </summary>
public class LoadFailureTests
{
    private const string TypeThePrimitivesLack = "Interleave.Primitives.AsyncReadWriteLock, Interleave.Primitives";
    private const string MissingDependency = "Interleave.NoSuchDependency, Version=1.2.0.0, Culture=neutral, PublicKeyToken=null";

    [Theory]
    [InlineData(SchedulingEngine.Coyote)]
    [InlineData(SchedulingEngine.Native)]
    public void TypeThePrimitivesLack_IsASetupError_NotABug(SchedulingEngine engine)
    {
        var schedules = 0;

        var error = Assert.Throws<TestSetupException>(() => Explorer.Run(
            () =>
            {
                schedules++;
                Type.GetType(TypeThePrimitivesLack, throwOnError: true);
                return Task.CompletedTask;
            },
            new ExplorationOptions { Engine = engine, Iterations = 50, Seed = 3 }));

        Assert.Equal(1, schedules);
        Assert.IsType<TypeLoadException>(error.InnerException);
        Assert.Contains("could not run: TypeLoadException", error.Message, StringComparison.Ordinal);
        Assert.Contains("Interleave.Primitives.AsyncReadWriteLock", error.Message, StringComparison.Ordinal);
        Assert.Contains("This is not a bug of the code under test", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SchedulingEngine.Coyote)]
    [InlineData(SchedulingEngine.Native)]
    public void MissingDependencyInATaskTheTestAwaits_IsASetupError(SchedulingEngine engine)
    {
        var error = Assert.Throws<TestSetupException>(() => Explorer.Run(
            async () =>
            {
                var gate = new AsyncLock();
                await ControlledTask.Run(async () =>
                {
                    using (await gate.AcquireAsync())
                    {
                        Type.GetType($"Interleave.NoSuchType, {MissingDependency}", throwOnError: true);
                    }
                });
            },
            new ExplorationOptions { Engine = engine, Iterations = 50, Seed = 3 }));

        Assert.IsType<FileNotFoundException>(error.InnerException);
        Assert.Contains("Interleave.NoSuchDependency", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SchedulingEngine.Coyote)]
    [InlineData(SchedulingEngine.Native)]
    public void MissingFileTheTestOpens_IsStillAnUnhandledExceptionBug(SchedulingEngine engine)
    {
        var report = Explorer.Run(
            () =>
            {
                File.ReadAllText(Path.Combine(Path.GetTempPath(), "interleave-no-such-file.txt"));
                return Task.CompletedTask;
            },
            new ExplorationOptions { Engine = engine, Iterations = 5, Seed = 3 });

        Assert.Equal(Verdict.UnhandledException, report.Verdict);
        Assert.Contains("FileNotFoundException", report.Message, StringComparison.Ordinal);
    }
}
