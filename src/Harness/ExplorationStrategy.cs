namespace Interleave.Harness;

/// <summary>How the scheduler chooses the next task at each scheduling point (Coyote's strategies).</summary>
public enum ExplorationStrategy
{
    /// <summary>Uniformly random choice at every point (Coyote <c>random</c>).</summary>
    Random,

    /// <summary>
    /// Priority-based, with a few random priority changes per iteration (Coyote <c>prioritization</c>, PCT);
    /// fair: random past <see cref="ExplorationOptions.MaxSteps"/>.
    /// </summary>
    Prioritization,

    /// <summary>
    /// Keeps running the same task, switching at random at one point in eight (Coyote <c>probabilistic</c>, on
    /// both engines): for bugs that need one preemption somewhere in a long run of one task.
    /// </summary>
    Probabilistic,

    /// <summary>Round-robin with a bounded number of random delays (Coyote <c>delay-bounding</c>); fair like <see cref="Prioritization"/>.</summary>
    DelayBounding,

    /// <summary>Learns which choices reach new states (Coyote <c>q-learning</c>); unfair, see <see cref="ExplorationOptions.MaxSteps"/>.</summary>
    QLearning,

    /// <summary>
    /// Random, probabilistic, fair prioritization and fair delay-bounding taking turns schedule by schedule
    /// (Coyote's <c>portfolio</c>, with its own bounds: 3 for probabilistic, 10 for the others). The default:
    /// random alone rarely finds a bug that needs one preemption at one point of a long schedule, and
    /// prioritization alone is slow on bugs that need many small ones; taking turns finds both kinds. On the
    /// native engine: random, probabilistic, partial order sampling, the selectively uniform walk and
    /// prioritization taking turns.
    /// </summary>
    Portfolio,

    /// <summary>
    /// Partial order sampling (POS, CAV 2018): random priorities for pending steps, redrawn for the steps that
    /// race with the one that ran (steps on the same primitive), so each order of the racing steps has a fair
    /// chance. Native engine only; fair like <see cref="Prioritization"/>.
    /// </summary>
    PartialOrderSampling,

    /// <summary>
    /// Selectively uniform random walk (after SURW, ASPLOS 2025): each task is chosen in proportion to the steps
    /// it has left on a primitive drawn for the schedule (as counted in earlier schedules) and run on to its next
    /// step there, so every order of those steps has the same chance, where a uniform walk all but never runs a
    /// short task late. Native engine only; fair like <see cref="Prioritization"/>.
    /// </summary>
    SelectivelyUniformWalk,

    /// <summary>
    /// Bounded exhaustive search: depth first over every schedule, each run once, with at most
    /// <see cref="ExplorationOptions.PreemptionBound"/> preemptions (switches away from a task that could go
    /// on); when it runs out of schedules before <see cref="ExplorationOptions.Iterations"/> with no bug,
    /// <see cref="ExplorationReport.Exhausted"/> says no schedule within the bound has one. Native engine
    /// only, on one engine in order; small tests (the schedules grow exponentially with the steps).
    /// </summary>
    Exhaustive,
}
