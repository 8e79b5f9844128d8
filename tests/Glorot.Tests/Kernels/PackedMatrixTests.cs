using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public class PackedMatrixTests
{
    public static TheoryData<string> Paths => GemmTestData.SupportedPaths();

    [Fact]
    public void Pack_then_unpack_round_trips_both_orientations_and_pads_with_zeros()
    {
        const int rows = 5, cols = 37, ld = 40;
        var m = GemmTestData.Uniform(rows * ld, 3, 1);
        var p = new PackedMatrix(rows, cols);
        p.Pack(m, ld, transposed: false);
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < cols; j++) Assert.Equal(m[i * ld + j], p[i, j]);

        var back = new float[cols * rows];
        p.Unpack(back, rows, transposed: true);
        var q = new PackedMatrix(rows, cols);
        q.Pack(back, rows, transposed: true);
        var again = new float[rows * cols];
        q.Unpack(again, cols, transposed: false);
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < cols; j++) Assert.Equal(m[i * ld + j], again[i * cols + j]);
        Assert.Equal(2, q.Panels);
        Assert.Equal(rows * 32, q.PanelStride);
    }

    // A layer: W [out × in] PyTorch order, Wᵀ packed [in × out].
    private static (float[] W, PackedMatrix Wt) Layer(int outputs, int inputs, ulong seed)
    {
        var w = GemmTestData.Uniform(outputs * inputs, seed, 10);
        var wt = new PackedMatrix(inputs, outputs);
        wt.Pack(w, inputs, transposed: true);
        return (w, wt);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Forward_with_packed_weights_is_bit_identical_to_the_plain_product_and_matches_the_reference(string pathName)
    {
        var path = GemmTestData.Path(pathName);
        // The last shapes are big enough for two threads (≥ 64³ multiply-adds) and, at 4100 outputs, for two NC blocks.
        foreach (var (batch, outputs, inputs) in new[] { (10, 70, 45), (3, 33, 400), (37, 100, 64), (40, 100, 200), (3, 4100, 40) })
        foreach (var threads in new[] { 1, 2 })
        {
            using var scope = Gemm.Use(path, threads);
            var (w, wt) = Layer(outputs, inputs, 1);
            var x = GemmTestData.Uniform(batch * inputs, 2, 1);
            var bias = GemmTestData.Uniform(outputs, 2, 2);
            var packed = new float[batch * outputs];
            var plain = new float[batch * outputs];
            Array.Fill(packed, float.NaN);
            Gemm.Multiply(false, batch, 1f, x, inputs, wt, 0f, packed, outputs, bias);
            Gemm.Multiply(false, true, batch, outputs, inputs, 1f, x, inputs, w, inputs, 0f, plain, outputs, bias);
            Assert.Equal(plain, packed); // same tiles, same k order: packing only moves the operands

            var expected = new float[batch * outputs];
            GemmReference.Multiply(false, true, batch, outputs, inputs, 1f, x, inputs, w, inputs, 0f, expected, outputs);
            for (var i = 0; i < batch; i++)
            for (var j = 0; j < outputs; j++) expected[i * outputs + j] += bias[j];
            GemmTestData.AssertClose(false, true, batch, outputs, inputs, 1f, x, inputs, w, inputs, 0f,
                new float[batch * outputs], packed, expected, outputs, bias);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Backward_data_through_packed_weights_matches_the_reference(string pathName)
    {
        var path = GemmTestData.Path(pathName);
        // Dot-product route (m ≤ 32, k ≥ 64) and packing route, each once big enough for two threads.
        foreach (var (batch, outputs, inputs) in new[] { (10, 70, 45), (2, 33, 400), (40, 9, 100), (16, 300, 500), (40, 200, 300) })
        foreach (var threads in new[] { 1, 2 })
        {
            using var scope = Gemm.Use(path, threads);
            var (w, wt) = Layer(outputs, inputs, 3);
            var dy = GemmTestData.Uniform(batch * outputs, 4, 1);
            var c0 = GemmTestData.Uniform(batch * inputs, 4, 2);
            var dx = (float[])c0.Clone();
            Gemm.MultiplyTransposed(batch, 1f, dy, outputs, wt, 0.5f, dx, inputs); // dX = dY·W + 0.5·dX
            var expected = (float[])c0.Clone();
            GemmReference.Multiply(false, false, batch, inputs, outputs, 1f, dy, outputs, w, inputs, 0.5f, expected, inputs);
            GemmTestData.AssertClose(false, false, batch, inputs, outputs, 1f, dy, outputs, w, inputs, 0.5f, c0, dx, expected, inputs);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Weight_gradient_fused_with_the_SGD_step_updates_the_packed_weights(string pathName)
    {
        var path = GemmTestData.Path(pathName);
        foreach (var (batch, outputs, inputs) in new[] { (10, 70, 45), (1, 33, 40), (100, 9, 130), (20, 200, 300) })
        foreach (var threads in new[] { 1, 2 })
        {
            using var scope = Gemm.Use(path, threads);
            var (w, wt) = Layer(outputs, inputs, 5);
            var x = GemmTestData.Uniform(batch * inputs, 6, 1);
            var dy = GemmTestData.Uniform(batch * outputs, 6, 2);
            const float lr = 0.1f;
            var alpha = -lr / batch;
            Gemm.MultiplyInto(wt, true, false, batch, alpha, x, inputs, dy, outputs, 1f); // Wᵀ += α·Xᵀ·dY
            var updated = new float[inputs * outputs];
            wt.Unpack(updated, outputs, transposed: false);

            var w0t = new float[inputs * outputs];
            for (var o = 0; o < outputs; o++)
            for (var i = 0; i < inputs; i++) w0t[i * outputs + o] = w[o * inputs + i];
            var expected = (float[])w0t.Clone();
            GemmReference.Multiply(true, false, inputs, outputs, batch, alpha, x, inputs, dy, outputs, 1f, expected, outputs);
            GemmTestData.AssertClose(true, false, inputs, outputs, batch, alpha, x, inputs, dy, outputs, 1f, w0t,
                updated, expected, outputs);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Packed_products_are_bit_identical_with_one_and_two_threads(string pathName)
    {
        var path = GemmTestData.Path(pathName);
        const int batch = 24, outputs = 300, inputs = 520;
        var (_, wt) = Layer(outputs, inputs, 7);
        var x = GemmTestData.Uniform(batch * inputs, 8, 1);
        var dy = GemmTestData.Uniform(batch * outputs, 8, 2);
        var bias = GemmTestData.Uniform(outputs, 8, 3);
        float[] Run(int threads)
        {
            using var scope = Gemm.Use(path, threads);
            var y = new float[batch * outputs];
            var dx = new float[batch * inputs];
            var copy = new PackedMatrix(inputs, outputs);
            var w = new float[inputs * outputs];
            wt.Unpack(w, outputs, transposed: false);
            copy.Pack(w, outputs, transposed: false);
            Gemm.Multiply(false, batch, 1f, x, inputs, copy, 0f, y, outputs, bias);
            Gemm.MultiplyTransposed(batch, 1f, dy, outputs, copy, 0f, dx, inputs);
            Gemm.MultiplyInto(copy, true, false, batch, -0.01f, x, inputs, dy, outputs, 1f);
            copy.Unpack(w, outputs, transposed: false);
            return [.. y, .. dx, .. w];
        }
        Assert.Equal(Run(1), Run(2));
    }

    [Fact]
    public void Shape_mismatches_with_the_packed_operand_are_rejected()
    {
        var wt = new PackedMatrix(4, 3);
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, 2, 1f, new float[6], 4, wt, 0f, new float[6], 3));
        Assert.Contains("a: 2×4", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => wt[4, 0]);
    }
}
