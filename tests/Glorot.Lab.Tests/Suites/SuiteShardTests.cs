using CsCheck;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Tests.Suites;

public sealed class SuiteShardTests
{
    [Fact]
    public void Every_task_is_in_exactly_one_shard_and_shards_differ_by_at_most_the_largest_task()
    {
        Gen.Select(Gen.Double[0.5, 100].Array[1, 40], Gen.Int[1, 12]).Sample((costs, count) =>
        {
            var tasks = costs.Select((c, i) => ($"run{i:D2}", c)).ToList();
            var shard = SuiteShard.Assign(tasks, count);
            Assert.All(shard, s => Assert.InRange(s, 0, count - 1));
            var load = new double[count];
            for (int i = 0; i < tasks.Count; i++) load[shard[i]] += costs[i];
            // Greedy LPT: a shard that got a task had the least load before it, so loads end within one task's cost.
            Assert.True(load.Max() - load.Min() <= costs.Max() + 1e-9, $"loads {string.Join(", ", load)}");
            Assert.Equal(shard, SuiteShard.Assign(tasks, count)); // deterministic
        });
    }

    [Fact]
    public void The_shards_of_a_plan_partition_its_tasks()
    {
        var whole = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Narrow });
        foreach (var stage in new[] { SuiteStage.Selection, SuiteStage.Final })
        {
            var parts = Enumerable.Range(0, 4)
                .SelectMany(i => SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Narrow, Shard = new SuiteShard(i, 4) }).Tasks(stage).Select(t => t.Name))
                .ToList();
            Assert.Equal(whole.AllTasks(stage).Select(t => t.Name).Order(), parts.Order());
        }
    }

    [Theory]
    [InlineData("3/2", "index must be below the count")]
    [InlineData("-1/4", "not i/n")]
    [InlineData("1/0", "shard count must be 1")]
    [InlineData("a/b", "not i/n")]
    [InlineData("1", "not i/n")]
    [InlineData("0/99999", "shard count must be 1")]
    public void A_bad_shard_is_refused_with_one_line(string text, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => SuiteShard.Parse(text));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Only_filters_by_network_instance_or_run_name_and_refuses_unknown_names()
    {
        var plan = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Medium, Only = ["tanh", "softsign@lr=0.01"] });
        Assert.Equal(["tanh@lr=0.00316", "tanh@lr=0.01", "tanh@lr=0.0316", "softsign@lr=0.01"], plan.Tasks(SuiteStage.Selection).Select(t => t.Name));
        Assert.Equal(["tanh", "softsign"], plan.Tasks(SuiteStage.Final).Select(t => t.Name));
        var ex = Assert.Throws<ArgumentException>(() => SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Tiny, Only = ["tanhh"] }));
        Assert.Contains("'tanhh'", ex.Message);
    }
}
