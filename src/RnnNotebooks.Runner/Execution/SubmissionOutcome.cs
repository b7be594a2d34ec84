using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RnnNotebooks.Runner.Execution;

/// <summary>What one script submission did.</summary>
/// <param name="HasReturnValue">True when the submission ends with an expression that has a value (no semicolon).</param>
/// <param name="ReturnValue">That value.</param>
/// <param name="Exception">The exception the code threw, if any.</param>
/// <param name="CompileErrors">Compiler errors; when non-empty, nothing ran.</param>
public sealed record SubmissionOutcome(
    bool HasReturnValue,
    object? ReturnValue,
    Exception? Exception,
    ImmutableArray<Diagnostic> CompileErrors);
