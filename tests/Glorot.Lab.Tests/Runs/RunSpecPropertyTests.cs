using CsCheck;
using Glorot.Data;
using Glorot.Init;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

/// <summary>
/// A spec survives its own file: any valid spec, written and read back, is the same spec and writes the same bytes
/// (the typed activation, init and pixel scaling keep the spelling they were given, aliases included).
/// </summary>
public sealed class RunSpecPropertyTests
{
    private static readonly string[] ActivationNames = [.. ActivationRegistry.NamesAndAliases];
    private static readonly string[] SchemeNames = [.. SchemeRegistry.All.SelectMany(s => s.Aliases.Prepend(s.Name))];
    private static readonly string[] ScalingNames = [.. PixelScalingNames.Names];

    private static Gen<T> Pick<T>(T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<RunSpec> Specs =
        from activation in Pick(ActivationNames)
        from init in Pick(SchemeNames)
        from output in Pick(SchemeNames.Append(null).ToArray())
        from scaling in Pick(ScalingNames)
        from hidden in Gen.Int[1, 2048].Array[1, 9]
        from rate in Gen.Double[1e-6, 10]
        from momentum in Gen.Double[0, 0.99]
        from batch in Gen.Int[1, 1000]
        from updates in Gen.Long[1, 10_000_000]
        from bins in Gen.Int[2, 1000]
        from seed in Gen.ULong
        select new RunSpec
        {
            Name = "property",
            InputScaling = PixelScalingNames.Parse(scaling),
            Hidden = hidden,
            Activation = ActivationRegistry.TryParse(activation, out var a, out _) ? a : Activation.Tanh,
            Init = RunInit.Parse(init),
            OutputInit = output is null || Glorot.Nn.Lsuv.IsLsuv(output) ? null : RunInit.Parse(output),
            LearningRate = rate,
            Momentum = momentum,
            BatchSize = batch,
            Updates = updates,
            EvaluateEvery = Math.Max(1, updates / 3),
            ProbeEvery = Math.Max(1, updates / 5),
            HistogramBins = bins,
            CheckpointEvery = Math.Max(1, updates / 2),
            Seed = seed,
        };

    [Fact]
    public void A_valid_spec_reads_back_as_itself_and_writes_the_same_bytes()
    {
        int valid = 0, total = 0;
        Specs.Sample(spec =>
        {
            total++;
            try { RunSpecJson.Validate(spec); }
            catch (ArgumentException) { return; } // a combination the spec refuses (checked by the validation tests)
            valid++;
            var json = RunSpecJson.Serialize(spec);
            var back = RunSpecJson.Parse(json, "property spec");
            Assert.Equal(json, RunSpecJson.Serialize(back));
            Assert.Equal(spec.Activation, back.Activation);
            Assert.Equal(spec.Init, back.Init);
            Assert.Equal(spec.OutputInit, back.OutputInit);
            Assert.Equal(spec.InputScaling, back.InputScaling);
            Assert.Equal(spec.Hidden, back.Hidden);
            Assert.Equal(spec.LearningRate, back.LearningRate);
            Assert.Equal(spec.Seed, back.Seed);
        });
        // The property must have been exercised, not skipped: most generated specs are valid.
        Assert.True(valid > total / 2, $"only {valid} of {total} generated specs were valid");
    }
}
