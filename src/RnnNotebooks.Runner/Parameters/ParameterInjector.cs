using System.Text;
using RnnNotebooks.Runner.Notebooks;

namespace RnnNotebooks.Runner.Parameters;

/// <summary>
/// Papermill convention: inserts a cell tagged <c>injected-parameters</c> after the cell tagged
/// <c>parameters</c>, redeclaring the overridden variables with their original types.
/// </summary>
public static class ParameterInjector
{
    /// <summary>The tag that marks the parameters cell.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the inserted cell.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>
    /// Injects <paramref name="values"/> (name to text) and, when <paramref name="quick"/> is set, every
    /// <c>// quick:</c> value not overridden by <paramref name="values"/>. Returns notes for the report
    /// (names not declared, no parameters cell). Throws <see cref="FormatException"/> naming the cell when a value does not fit.
    /// </summary>
    public static IReadOnlyList<string> Inject(NotebookDocument notebook, IReadOnlyDictionary<string, string> values, bool quick)
    {
        var notes = new List<string>();
        if (values.Count == 0 && !quick)
        {
            return notes;
        }
        var cell = notebook.Cells.FirstOrDefault(c => c.IsCode && c.Tags.Contains(ParametersTag));
        if (cell is null)
        {
            if (values.Count > 0)
            {
                notes.Add("no cell is tagged 'parameters'; --param values were not applied");
            }
            return notes;
        }

        var declarations = ParameterCellParser.Parse(cell.Source);
        var lines = new List<string>();
        foreach (var declaration in declarations)
        {
            string? expression = null;
            if (values.TryGetValue(declaration.Name, out var text))
            {
                if (declaration.Type is null)
                {
                    throw new FormatException($"cell {cell.Number} (parameters): cannot infer the type of '{declaration.Name}'; declare it with an explicit type or a literal initializer.");
                }
                try
                {
                    expression = ParameterLiteral.ToCSharp(text, declaration.Type);
                }
                catch (FormatException e)
                {
                    throw new FormatException($"--param {declaration.Name}: {e.Message} (declared in cell {cell.Number})");
                }
            }
            else if (quick && declaration.QuickValue is not null)
            {
                expression = declaration.QuickValue;
            }
            if (expression is null)
            {
                continue;
            }
            var type = declaration.Type ?? "var";
            lines.Add($"{(declaration.IsConst ? "const " : "")}{type} {declaration.Name} = {expression};");
        }

        var unknown = values.Keys.Where(name => declarations.All(d => d.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            notes.Add($"not declared in this notebook's parameters cell (cell {cell.Number}), not applied here: {string.Join(", ", unknown)}");
        }
        if (lines.Count == 0)
        {
            return notes;
        }

        var source = new StringBuilder("// Injected parameters");
        source.Append(quick ? " (--quick" + (values.Count > 0 ? ", --param)" : ")") : " (--param)");
        foreach (var line in lines)
        {
            source.Append('\n').Append(line);
        }
        notebook.InsertCodeCellAfter(cell, source.ToString(), UniqueId(notebook), [InjectedTag]);
        return notes;
    }

    /// <summary>
    /// Checks <paramref name="values"/> against the parameters cells of <paramref name="notebooks"/>: every name
    /// must be declared in at least one, and every value must fit the type of each declaration of its name.
    /// Throws <see cref="FormatException"/> naming the parameter (and the notebook and cell for a bad value).
    /// </summary>
    public static void Check(IReadOnlyList<NotebookDocument> notebooks, IReadOnlyDictionary<string, string> values)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var notebook in notebooks)
        {
            var cell = notebook.Cells.FirstOrDefault(c => c.IsCode && c.Tags.Contains(ParametersTag));
            if (cell is null)
            {
                continue;
            }
            foreach (var declaration in ParameterCellParser.Parse(cell.Source).Where(d => values.ContainsKey(d.Name)))
            {
                declared.Add(declaration.Name);
                var where = $"declared as {declaration.Type ?? "var"} in {System.IO.Path.GetFileName(notebook.Path)}, cell {cell.Number}";
                if (declaration.Type is null)
                {
                    throw new FormatException($"--param {declaration.Name}: cannot infer its type ({where}); declare it with an explicit type or a literal initializer");
                }
                try
                {
                    ParameterLiteral.ToCSharp(values[declaration.Name], declaration.Type);
                }
                catch (FormatException e)
                {
                    throw new FormatException($"--param {declaration.Name}: {e.Message} ({where})");
                }
            }
        }
        var unknown = values.Keys.Where(name => !declared.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"--param {string.Join(", ", unknown)}: no parameters cell declares {(unknown.Count == 1 ? "it" : "them")} (a parameter is a variable in the cell tagged '{ParametersTag}')");
        }
    }

    private static string UniqueId(NotebookDocument notebook)
    {
        var ids = notebook.Cells.Select(c => c.Json["id"]?.ToString()).ToHashSet();
        var id = InjectedTag;
        for (var i = 2; ids.Contains(id); i++)
        {
            id = $"{InjectedTag}-{i}";
        }
        return id;
    }
}
