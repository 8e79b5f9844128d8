using Glorot.Nn;

namespace Glorot.Tests.Nn;

public class ClassificationTests
{
    [Fact]
    public void ArgMax_takes_the_first_of_equal_maxima_and_skips_NaN()
    {
        Assert.Equal(1, Classification.ArgMax([0f, 3f, 3f, -1f]));
        Assert.Equal(0, Classification.ArgMax([2f]));
        Assert.Equal(2, Classification.ArgMax([1f, float.NaN, 5f])); // NaN never compares larger
        Assert.Equal(0, Classification.ArgMax([float.NaN, 1f, 2f])); // nor does anything compare larger than a leading NaN
    }

    [Fact]
    public void CountCorrect_counts_the_rows_whose_argmax_is_the_label()
    {
        // 3 rows of 3 classes: predictions 2, 0, 1.
        float[] logits = [0.1f, 0.2f, 0.9f, 5f, -1f, 4f, 0f, 1f, 0.5f];
        Assert.Equal(3, Classification.CountCorrect(logits, [2, 0, 1], 3));
        Assert.Equal(1, Classification.CountCorrect(logits, [2, 1, 0], 3));
        Assert.Equal(0, Classification.CountCorrect(logits, [], 3));
    }
}
