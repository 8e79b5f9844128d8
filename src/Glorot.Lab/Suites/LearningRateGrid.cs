using System.Globalization;

namespace Glorot.Lab.Suites;

/// <summary>
/// Learning-rate grids: the paper chose each network's rate on validation error (Glorot &amp; Bengio 2010, §2.3 and §5)
/// but gives no grid; log-spaced half-decades are the usual choice for a rate search.
/// </summary>
public static class LearningRateGrid
{
    /// <summary>
    /// The half-decades 10^(k/2) from <paramref name="low"/> to <paramref name="high"/> (both powers of ten),
    /// rounded to three significant digits (0.001, 0.00316, 0.01, 0.0316, …): the rounded values are the rates used,
    /// and they name the candidate run directories.
    /// </summary>
    public static IReadOnlyList<double> HalfDecades(double low, double high)
    {
        int from = (int)Math.Round(2 * Math.Log10(low)), to = (int)Math.Round(2 * Math.Log10(high));
        return [.. Enumerable.Range(from, to - from + 1).Select(k => RoundSignificant(Math.Pow(10, k / 2.0), 3))];
    }

    /// <summary>Checks a grid: at least one rate, every rate finite and positive, no rate twice.</summary>
    public static void Validate(IReadOnlyList<double> grid)
    {
        if (grid.Count == 0) throw new ArgumentException("The learning-rate grid is empty; give at least one rate.");
        foreach (double rate in grid)
            if (!double.IsFinite(rate) || rate <= 0)
                throw new ArgumentException($"Learning rate {Format(rate)} in the grid is not a positive number.");
        if (grid.Distinct().Count() != grid.Count) throw new ArgumentException("The learning-rate grid holds a rate twice.");
    }

    /// <summary>The rate as it appears in run names (<c>tanh@lr=0.0316</c>): the shortest round-trip form.</summary>
    public static string Format(double rate) => rate.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses "0.001,0.01,0.1" (commas, invariant culture).</summary>
    public static IReadOnlyList<double> Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var grid = new List<double>();
        foreach (var part in parts)
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate))
                throw new ArgumentException($"Learning rate '{part}' is not a number.");
            grid.Add(rate);
        }
        Validate(grid);
        return grid;
    }

    private static double RoundSignificant(double value, int digits)
    {
        double scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(value)));
        return Math.Round(value * scale) / scale;
    }
}
