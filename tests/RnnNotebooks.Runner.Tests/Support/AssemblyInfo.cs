// Formatter registrations and Console redirection are process-wide: run tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
