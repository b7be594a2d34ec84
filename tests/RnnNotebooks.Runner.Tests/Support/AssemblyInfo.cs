// The kernel's formatters, Console redirection and the working directory are process-wide: run tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
