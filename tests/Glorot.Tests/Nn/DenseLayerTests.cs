using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Tests.Nn;

public class DenseLayerTests
{
    private const int Batch = 3, In = 37, Out = 45; // not multiples of the 32-wide panels

    private static float[] Values(int n, float phase) => [.. Enumerable.Range(0, n).Select(i => MathF.Sin(i * 0.77f + phase))];

    private static PackedMatrix Packed(float[] w)
    {
        var wt = new PackedMatrix(In, Out);
        wt.Pack(w, In, transposed: true);
        return wt;
    }

    [Fact]
    public void Forward_is_x_times_W_transposed_plus_b_then_f()
    {
        var x = Values(Batch * In, 0);
        var w = Values(Out * In, 1);
        var b = Values(Out, 2);
        var s = new float[Batch * Out];
        var z = new float[Batch * Out];
        DenseLayer.Forward(x, Packed(w), b, Activation.Softsign, s, z, Batch);
        for (int r = 0; r < Batch; r++)
            for (int o = 0; o < Out; o++)
            {
                double expected = b[o];
                for (int i = 0; i < In; i++) expected += (double)x[r * In + i] * w[o * In + i];
                Assert.Equal(expected, s[r * Out + o], 1e-5);
                Assert.Equal(Activation.Softsign.Forward(s[r * Out + o]), z[r * Out + o], 1e-6);
            }
    }

    [Fact]
    public void BackwardData_is_ds_times_W()
    {
        var ds = Values(Batch * Out, 3);
        var w = Values(Out * In, 4);
        var dx = new float[Batch * In];
        DenseLayer.BackwardData(ds, Packed(w), dx, Batch);
        for (int r = 0; r < Batch; r++)
            for (int i = 0; i < In; i++)
            {
                double expected = 0;
                for (int o = 0; o < Out; o++) expected += (double)ds[r * Out + o] * w[o * In + i];
                Assert.Equal(expected, dx[r * In + i], 1e-5);
            }
    }

    [Fact]
    public void WeightGradient_updates_W_and_b_by_alpha_times_the_outer_products()
    {
        var ds = Values(Batch * Out, 5);
        var x = Values(Batch * In, 6);
        var w = Values(Out * In, 7);
        var b = Values(Out, 8);
        var wt = Packed(w);
        var bias = (float[])b.Clone();
        const float alpha = -0.1f, beta = 0.9f;
        DenseLayer.WeightGradient(ds, x, alpha, beta, wt, bias, Batch);
        for (int o = 0; o < Out; o++)
        {
            double db = 0;
            for (int r = 0; r < Batch; r++) db += ds[r * Out + o];
            Assert.Equal(beta * b[o] + alpha * db, bias[o], 1e-5);
            for (int i = 0; i < In; i++)
            {
                double dw = 0;
                for (int r = 0; r < Batch; r++) dw += (double)ds[r * Out + o] * x[r * In + i];
                Assert.Equal(beta * w[o * In + i] + alpha * dw, wt[i, o], 1e-5);
            }
        }
    }
}
