using Glorot.Nn;

namespace Glorot.Tests.Nn;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Constant_is_the_base_rate_at_every_update() =>
        Assert.All(new long[] { 0, 1, 1_000_000 }, t => Assert.Equal(0.03, LearningRateSchedule.Constant.At(t, 0.03)));

    [Fact]
    public void Step_multiplies_by_gamma_every_k_updates()
    {
        var s = LearningRateSchedule.Step(every: 10, gamma: 0.1);
        Assert.Equal(1.0, s.At(0, 1.0));
        Assert.Equal(1.0, s.At(9, 1.0));
        Assert.Equal(0.1, s.At(10, 1.0), 15);
        Assert.Equal(0.01, s.At(29, 1.0), 15);
    }

    [Fact]
    public void Cosine_goes_from_the_base_rate_to_the_minimum_over_its_period()
    {
        var s = LearningRateSchedule.Cosine(period: 100, minimum: 0.01);
        Assert.Equal(0.5, s.At(0, 0.5), 15);
        Assert.Equal(0.01 + 0.49 / 2, s.At(50, 0.5), 15);   // cos(π/2) = 0: half-way
        Assert.Equal(0.01, s.At(100, 0.5), 15);             // cos(π) = −1
        Assert.Equal(0.01 + 0.49 * (1 + Math.Cos(Math.PI * 0.3)) / 2, s.At(30, 0.5), 15);
        Assert.Equal(s.At(90, 0.5), s.At(110, 0.5), 15);    // past the period it rises again, as PyTorch's
    }

    [Fact]
    public void The_rate_is_a_pure_function_of_the_update_number()
    {
        var s = LearningRateSchedule.Cosine(1000);
        var forward = Enumerable.Range(0, 1000).Select(t => s.At(t, 0.1)).ToArray();
        var backward = Enumerable.Range(0, 1000).Reverse().Select(t => s.At(t, 0.1)).Reverse().ToArray();
        Assert.Equal(forward, backward);
    }

    [Theory]
    [InlineData(0, 0.1, "interval 0")]
    [InlineData(5, 0.0, "gamma 0")]
    [InlineData(5, 1.5, "gamma 1.5")]
    public void A_step_schedule_that_cannot_work_is_refused(long every, double gamma, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => LearningRateSchedule.Step(every, gamma).Validate(0.1)).Message);

    [Fact]
    public void A_cosine_schedule_that_cannot_work_is_refused()
    {
        Assert.Contains("period 0", Assert.Throws<ArgumentException>(() => LearningRateSchedule.Cosine(0).Validate(0.1)).Message);
        Assert.Contains("minimum rate 0.2", Assert.Throws<ArgumentException>(() => LearningRateSchedule.Cosine(10, 0.2).Validate(0.1)).Message);
    }
}
