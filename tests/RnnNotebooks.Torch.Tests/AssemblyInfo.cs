// Scratch layers draw their initial weights from the process-wide Rng.Global: tests that seed it
// must not interleave, so the test classes of this assembly run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
