using Glorot.Data;

namespace Glorot.Tests.Data;

public class FirstExamplesTests
{
    private static ArrayDataset Tiny()
    {
        // 5 images of 2 × 2 pixels; image i holds 10i … 10i + 3 and label i mod 3.
        byte[] pixels = [.. Enumerable.Range(0, 5).SelectMany(i => Enumerable.Range(0, 4).Select(p => (byte)(10 * i + p)))];
        byte[] labels = [.. Enumerable.Range(0, 5).Select(i => (byte)(i % 3))];
        return new ArrayDataset("tiny", new ImageShape(1, 2, 2), ["a", "b", "c"], pixels, labels, PixelNormalization.ZeroOne);
    }

    [Fact]
    public void Reads_examples_zero_to_count_minus_one_as_fill_does()
    {
        var data = Tiny();
        var (inputs, labels) = FirstExamples.Read(data, 3);
        var expectedInputs = new float[3 * data.InputSize];
        var expectedLabels = new int[3];
        data.Fill([0, 1, 2], expectedInputs, expectedLabels);
        Assert.Equal(expectedInputs, inputs);
        Assert.Equal(expectedLabels, labels);
        Assert.Equal([0, 1, 2], labels);
        Assert.Equal(20 / 255.0, inputs[2 * data.InputSize], 1e-6); // image 2's first pixel, 20/255 in [0, 1]
    }

    [Fact]
    public void Refuses_more_examples_than_the_split_holds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FirstExamples.Read(Tiny(), 6));
        Assert.Empty(FirstExamples.Read(Tiny(), 0).Labels);
    }
}
