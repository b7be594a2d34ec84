using System.Globalization;

namespace RnnNotebooks.Viz.Svg;

/// <summary>Chooses round tick values (1, 2, 2.5, 5 × 10^k steps) and formats their labels.</summary>
internal static class NiceTicks
{
    /// <summary>Round step so that [lo, hi] gets about <paramref name="target"/> intervals.</summary>
    public static double Step(double lo, double hi, int target, bool integer = false)
    {
        var span = Math.Abs(hi - lo);
        if (!(span > 0) || !double.IsFinite(span)) return 1;
        var raw = span / Math.Max(1, target);
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var f = raw / mag;
        // The multiplier whose tick count is nearest the target (rounding up would halve the ticks).
        var nice = f < 1.4 ? 1 : f < 2.2 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
        var step = nice * mag;
        if (integer && step < 1) step = 1;
        if (integer && step != Math.Round(step)) step = Math.Floor(step);
        return step;
    }

    /// <summary>Tick values inside [lo, hi] at a round step; <paramref name="minStep"/> keeps index axes on integers.</summary>
    public static List<double> Linear(double lo, double hi, int target, double minStep = 0)
    {
        if (lo > hi) (lo, hi) = (hi, lo);
        var step = Math.Max(Step(lo, hi, target, integer: minStep >= 1), minStep);
        var ticks = new List<double>();
        var first = Math.Ceiling(lo / step - 1e-9) * step;
        for (var i = 0; i < 1000; i++)
        {
            var v = first + i * step;
            if (v > hi + step * 1e-9) break;
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }

    /// <summary>Tick values for a log axis whose range is [10^lo, 10^hi].</summary>
    public static List<double> Log(double lo, double hi, int target)
    {
        if (lo > hi) (lo, hi) = (hi, lo);
        var decades = new List<double>();
        for (var k = Math.Ceiling(lo - 1e-9); k <= hi + 1e-9; k++) decades.Add(k);
        if (decades.Count > target)
        {
            var every = (int)Math.Ceiling(decades.Count / (double)target);
            decades = decades.Where(k => ((long)k % every + every) % every == 0).ToList();
        }
        var ticks = decades.Select(k => Math.Pow(10, k)).ToList();
        if (ticks.Count >= 3) return ticks;
        // Fewer than three decades shown: add 2x and 5x multiples, then fall back to a linear step.
        var multiples = new List<double>();
        for (var k = Math.Floor(lo); k <= Math.Ceiling(hi); k++)
            foreach (var m in new[] { 1.0, 2.0, 5.0 })
            {
                var v = m * Math.Pow(10, k);
                var t = Math.Log10(v);
                if (t >= lo - 1e-9 && t <= hi + 1e-9) multiples.Add(v);
            }
        if (multiples.Count >= 2) return multiples;
        return Linear(Math.Pow(10, lo), Math.Pow(10, hi), Math.Max(2, target / 2)).Where(v => v > 0).ToList();
    }

    /// <summary>Formats tick labels with as many decimals as the spacing needs, invariant culture.</summary>
    public static List<string> Labels(IReadOnlyList<double> ticks, bool log)
    {
        if (log) return ticks.Select(LogLabel).ToList();
        if (ticks.Count == 0) return new List<string>();
        var step = ticks.Count > 1 ? Math.Abs(ticks[1] - ticks[0]) : Math.Abs(ticks[0]);
        var max = ticks.Max(Math.Abs);
        if (max >= 1e6 || (max > 0 && max < 1e-4))
            return ticks.Select(v => v == 0 ? "0" : v.ToString("0.##e+0", CultureInfo.InvariantCulture)).ToList();
        var decimals = step > 0 ? Math.Clamp((int)Math.Ceiling(-Math.Log10(step) - 1e-9), 0, 8) : 0;
        if (step > 0 && Math.Abs(step / Math.Pow(10, -decimals) - Math.Round(step / Math.Pow(10, -decimals))) > 1e-6) decimals++;
        return ticks.Select(v => v.ToString("F" + decimals, CultureInfo.InvariantCulture)).ToList();
    }

    private static string LogLabel(double v)
    {
        var k = Math.Log10(v);
        if (Math.Abs(k - Math.Round(k)) < 1e-9 && (k < -4 || k > 5))
            return "1e" + ((int)Math.Round(k)).ToString(CultureInfo.InvariantCulture);
        return v.ToString("0.#####", CultureInfo.InvariantCulture);
    }
}
