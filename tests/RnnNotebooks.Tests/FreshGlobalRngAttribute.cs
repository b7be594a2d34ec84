using System.Reflection;
using RnnNotebooks.Tensors;
using Xunit.Sdk;

namespace RnnNotebooks.Tests;

/// <summary>
/// Reseeds the process-wide <see cref="Rng.Global"/> with 0 (its value in a fresh process) before
/// every test, so a test that builds layers without seeding draws the same weights whichever tests
/// ran before it. Applied to the whole assembly in AssemblyInfo.cs.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FreshGlobalRngAttribute : BeforeAfterTestAttribute
{
    /// <summary>The seed of a fresh process.</summary>
    public const ulong Seed = 0;

    /// <inheritdoc/>
    public override void Before(MethodInfo methodUnderTest) => Rng.ManualSeed(Seed);
}
