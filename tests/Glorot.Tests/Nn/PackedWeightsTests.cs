using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Tests.Nn;

public class PackedWeightsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 31)]
    [InlineData(7, 32)]
    [InlineData(3, 33)]
    [InlineData(17, 100)]
    public void UnpackTransposed_inverts_Pack_of_a_PyTorch_order_weight(int fanIn, int fanOut)
    {
        var w = Enumerable.Range(0, fanOut * fanIn).Select(i => i * 0.5f - 7).ToArray(); // (out × in)
        var wt = new PackedMatrix(fanIn, fanOut);
        wt.Pack(w, fanIn, transposed: true);
        for (int o = 0; o < fanOut; o++)
            for (int i = 0; i < fanIn; i++) Assert.Equal(w[o * fanIn + i], wt[i, o]);
        var back = new float[w.Length];
        PackedWeights.UnpackTransposed(wt, back);
        Assert.Equal(w, back);
        Assert.Equal(wt.Panels * (int)wt.PanelStride, PackedWeights.Storage(wt).Length);
    }
}
