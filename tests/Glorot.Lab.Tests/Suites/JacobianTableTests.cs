using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

public sealed class JacobianTableTests
{
    [Fact]
    public void Standard_init_gives_smaller_Jacobian_singular_values_than_normalized_init()
    {
        using var temp = new TempDirectory();
        // Paper §4.2.2 at small scale: equal widths, tanh; standard n·Var[W] = 1/3 vs normalized 1 (quarter-circle
        // mean 8/(3π) ≈ 0.85 times the tanh slope) — the ordering holds at any width.
        var spec = TinySpecs.Tanh(0) with { Hidden = [64, 64, 64], JacobianExamples = 2, OutputInit = RunInit.XavierUniform };
        Runner.Run(spec with { Name = "tanh", Init = RunInit.Standard }, Path.Combine(temp.Path, "runs", "tanh"));
        Runner.Run(spec with { Name = "tanh-n", Init = RunInit.XavierUniform }, Path.Combine(temp.Path, "runs", "tanh-n"));

        var rows = JacobianTable.Rows(temp.Path);
        Assert.Equal([1, 2, 3], rows.Select(r => r.Layer));
        Assert.All(rows, r => Assert.True(r.Normalized > r.Standard));
        // Square 64×64 layers (2, 3): ≈0.49 standard and ≈0.75–0.8 normalized at width 1000 (docs/PROBES.md);
        // 2 examples × 64 singular values at width 64 move the mean by a few hundredths. Measured (seed 1): 0.473, 0.485
        // standard and 0.720, 0.759 normalized; the bands are those ≈ ± 0.08 and stay apart, so they separate the inits.
        foreach (var r in rows.Skip(1))
        {
            Assert.InRange(r.Standard!.Value, 0.40, 0.56);
            Assert.InRange(r.Normalized!.Value, 0.64, 0.84);
        }
        Assert.True(File.Exists(Path.Combine(temp.Path, "jacobian.csv")));
        // Beside each, the prediction (√E[f′²] × the Marchenko–Pastur mean): ≈0.46 standard, ≈0.7–0.8 normalized for
        // the square layers; measured at width 64 within 0.016 of it (seed 1), asserted within 0.04.
        foreach (var r in rows.Skip(1))
        {
            Assert.Equal(r.PredictedStandard!.Value, r.Standard!.Value, 0.04);
            Assert.Equal(r.PredictedNormalized!.Value, r.Normalized!.Value, 0.04);
        }
        Assert.EndsWith("predicted_standard,predicted_normalized", File.ReadLines(Path.Combine(temp.Path, "jacobian.csv")).First());
    }

    [Fact]
    public void No_Jacobians_no_rows_and_no_file()
    {
        using var temp = new TempDirectory();
        Assert.Empty(JacobianTable.Rows(temp.Path));
        Assert.False(File.Exists(Path.Combine(temp.Path, "jacobian.csv")));
    }
}
