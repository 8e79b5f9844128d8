using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public sealed class FiniteCheckTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void One_non_finite_value_anywhere_is_found_in_the_vector_body_and_the_tail(float bad)
    {
        // Lengths around every vector width (4, 8, 16 lanes) so that the bad value lands in full vectors and in the tail.
        foreach (int length in new[] { 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100 })
        {
            var values = Enumerable.Range(0, length).Select(i => (i - 50) / 50f * 3e38f).ToArray(); // large but finite
            Assert.True(FiniteCheck.All(values));
            for (int at = 0; at < length; at++)
            {
                float kept = values[at];
                values[at] = bad;
                Assert.False(FiniteCheck.All(values), $"{bad} at {at} of {length} was missed");
                values[at] = kept;
            }
        }
    }

    [Fact]
    public void Extremes_of_the_finite_range_and_an_empty_span_are_finite()
    {
        Assert.True(FiniteCheck.All([float.MaxValue, float.MinValue, float.Epsilon, -0f, 0f, 1e-45f, -float.Epsilon]));
        Assert.True(FiniteCheck.All([]));
    }
}
