namespace Glorot.Tests;

public class ComputeTests
{
    [Fact]
    public void Scopes_set_this_threads_count_nest_and_restore()
    {
        var before = Compute.Threads;
        using (Compute.Use(3))
        {
            Assert.Equal(3, Compute.Threads);
            using (Compute.Use(1)) Assert.Equal(1, Compute.Threads);
            Assert.Equal(3, Compute.Threads);
            int other = 0;
            var t = new Thread(() => other = Compute.Threads); // another thread sees the process default
            t.Start();
            t.Join();
            Assert.Equal(Compute.DefaultThreads, other);
        }
        Assert.Equal(before, Compute.Threads);
    }

    [Fact]
    public void The_default_accepts_1_to_1024_and_refuses_anything_else()
    {
        var before = Compute.DefaultThreads;
        try
        {
            Compute.DefaultThreads = Compute.MaxThreads;
            Assert.Equal(Compute.MaxThreads, Compute.DefaultThreads);
            Compute.DefaultThreads = 1;
            Assert.Equal(1, Compute.DefaultThreads);
            Assert.Throws<ArgumentOutOfRangeException>(() => Compute.DefaultThreads = 0);
            Assert.Throws<ArgumentOutOfRangeException>(() => Compute.DefaultThreads = Compute.MaxThreads + 1);
            Assert.Throws<ArgumentOutOfRangeException>(() => Compute.Use(0));
            Assert.Equal(1, Compute.DefaultThreads);
        }
        finally
        {
            Compute.DefaultThreads = before;
        }
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData(" 16 ", 16)]
    [InlineData("1024", 1024)]
    public void Typed_counts_parse(string text, int expected) => Assert.Equal(expected, Compute.ParseThreads(text, "GLOROT_THREADS"));

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("1025")]
    [InlineData("four")]
    [InlineData("")]
    [InlineData("2.5")]
    public void Bad_typed_counts_name_the_source_and_the_range(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => Compute.ParseThreads(text, "GLOROT_THREADS"));
        Assert.Equal($"GLOROT_THREADS must be a thread count from 1 to 1024, not '{text}'.", e.Message);
    }
}
