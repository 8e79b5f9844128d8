using System.Globalization;
using Glorot.Probes;
using Glorot.Tests.Support;
using Xunit.Abstractions;

namespace Glorot.Tests.Probes;

/// <summary>
/// JacobianSpectrum against numpy.linalg.svd (LAPACK gesdd in double) on the layers of
/// Fixtures/jacobian_svd_fixtures.py: stored spectra, and the live numpy when python3 has it.
/// </summary>
public class JacobianSpectrumParityTests(ITestOutputHelper output)
{
    // name → (rows, cols, seed, slopes squared), as in the script's CASES.
    private static readonly Dictionary<string, (int Rows, int Cols, ulong Seed, bool Squared)> Cases = new()
    {
        ["square1000"] = (1000, 1000, 1, false),
        ["tall400x250"] = (400, 250, 2, true),
        ["wide250x400"] = (250, 400, 3, false),
        ["square300saturated"] = (300, 300, 4, true),
    };

    private static string FixtureDirectory => Path.Combine(Repository.Root, "tests", "Glorot.Tests", "Probes", "Fixtures");

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Singular_values_match_the_stored_numpy_spectrum(string name)
    {
        var expected = File.ReadLines(Path.Combine(FixtureDirectory, $"jacobian_svd_{name}.txt"))
            .Where(line => !line.StartsWith('#'))
            .Select(line => double.Parse(line, CultureInfo.InvariantCulture)).ToArray();
        AssertAgrees(name, expected);
    }

    [SkippableFact]
    public void Singular_values_match_numpy_run_now_when_it_is_installed()
    {
        var printed = Python.Run(File.ReadAllText(Path.Combine(FixtureDirectory, "jacobian_svd_fixtures.py")));
        Skip.If(printed is null, "python3 with numpy is not installed (the stored spectra are still compared)");
        var lines = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Cases.Count, lines.Length);
        foreach (var line in lines)
        {
            var fields = line.Split(' ');
            AssertAgrees(fields[0], fields[1..].Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray());
        }
    }

    [Fact]
    public void The_generator_is_SplitMix64()
    {
        // First outputs of SplitMix64 seeded with 0 and with 1234567, as published with Vigna's splitmix64.c;
        // the script's numpy version gives the same, so both sides build the same matrix.
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64(0, 0));
        Assert.Equal(6457827717110365317UL, SplitMix64(1234567, 0));
    }

    // Every σ_i within 1e-4 relative where σ_i ≥ 1e-5·σ_max (JacobianSpectrum's remarks); below that, the
    // eigenvalue of the Gram matrix σ_i² within 10·n·ε·σ_max², the backward-stability bound it owes.
    private void AssertAgrees(string name, double[] expected)
    {
        var (rows, cols, seed, squared) = Cases[name];
        var (w, slopes) = Layer(rows, cols, seed, squared);
        var actual = JacobianSpectrum.SingularValues(w, rows, cols, slopes);
        Assert.Equal(expected.Length, actual.Length);
        double top = expected[0], worstRelative = 0, worstEigen = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double relative = Math.Abs(actual[i] - expected[i]) / expected[i];
            double eigen = Math.Abs(actual[i] * actual[i] - expected[i] * expected[i]) / (top * top);
            worstEigen = Math.Max(worstEigen, eigen);
            if (expected[i] >= 1e-5 * top) worstRelative = Math.Max(worstRelative, relative);
            Assert.True(expected[i] < 1e-5 * top || relative <= 1e-4,
                $"{name}: σ_{i} = {actual[i]:R}, numpy {expected[i]:R} (relative {relative:E2})");
            Assert.True(eigen <= 10 * actual.Length * 1.1e-16, $"{name}: σ_{i}² off by {eigen:E2}·σ_max²");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: σ_max {top:G6}, σ_min {expected[^1]:G6}; worst relative error (σ ≥ 1e-5·σ_max) {worstRelative:E2}; " +
            $"worst |Δσ²|/σ_max² {worstEigen:E2}; smallest σ relative error {Math.Abs(actual[^1] - expected[^1]) / expected[^1]:E2}"));
    }

    // The script's layer(): w = k/2²³ − 1 with k the top 24 bits of SplitMix64 (exact in float); slopes from
    // seed + 1000, u = k/2²⁴, either 0.05 + 0.95·u or u², rounded to float once.
    private static (float[] W, float[] Slopes) Layer(int rows, int cols, ulong seed, bool squared)
    {
        var w = new float[rows * cols];
        for (int i = 0; i < w.Length; i++) w[i] = (float)((SplitMix64(seed, i) >> 40) / 8388608.0 - 1.0);
        var slopes = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double u = (SplitMix64(seed + 1000, i) >> 40) / 16777216.0;
            slopes[i] = (float)(squared ? u * u : 0.05 + 0.95 * u);
        }
        return (w, slopes);
    }

    // SplitMix64 (Steele, Lea & Flood 2014) for state seed + (index + 1)·γ.
    private static ulong SplitMix64(ulong seed, long index)
    {
        unchecked
        {
            ulong z = seed + (ulong)(index + 1) * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
