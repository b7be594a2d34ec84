// Layers draw their initial weights from the process-wide Rng.Global (like torch.manual_seed), and
// Kernels.MaxThreads and SampleNotice.Out are process-wide too: tests that seed or set them must not
// interleave with others, so the test classes of this assembly run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Every test starts with Rng.Global as in a fresh process, so its weights do not depend on which
// tests ran before it.
[assembly: RnnNotebooks.Tests.FreshGlobalRng]
