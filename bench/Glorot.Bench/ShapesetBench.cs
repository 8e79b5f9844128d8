using System.Diagnostics;
using System.Text.Json;
using Glorot.Data;

namespace Glorot.Bench;

/// <summary>
/// Shapeset-3×2 generation speed on one core: images/s for drawing scenes and rasterizing them to bytes, and
/// for filling float minibatches ([B × 1024], the trainer's path). Target ≥ 20,000 images/s (a 5×1000 network
/// trains far slower than that, so generation never waits the trainer).
/// Usage: <c>shapeset [--images N] [--runs R] [--json]</c>.
/// </summary>
internal static class ShapesetBench
{
    public static int Run(string[] args)
    {
        int images = BenchArgs.Int(args, "--images", 100_000);
        int runs = BenchArgs.Int(args, "--runs", 5);
        bool json = args.Contains("--json");
        var data = Shapeset.Training(seed: 1);

        var pixels = new byte[ShapesetSpec.InputSize];
        double render = Best(runs, () =>
        {
            for (var i = 0; i < images; i++) data.Render(i, pixels);
        });
        const int batch = 100;
        var inputs = new float[batch * ShapesetSpec.InputSize];
        var labels = new int[batch];
        var indices = new long[batch];
        double fill = Best(runs, () =>
        {
            for (var start = 0; start < images; start += batch)
            {
                for (var j = 0; j < batch; j++) indices[j] = start + j;
                data.Fill(indices, inputs, labels);
            }
        });
        double labelsOnly = Best(runs, () =>
        {
            for (var i = 0; i < images; i++) data.Label(i);
        });

        var results = new Dictionary<string, double>
        {
            ["render_bytes_images_per_s"] = images / render,
            ["fill_float_minibatch_images_per_s"] = images / fill,
            ["labels_only_images_per_s"] = images / labelsOnly,
        };
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "shapeset", images, runs, threads = 1, results }));
            return 0;
        }
        Console.WriteLine($"Shapeset-3×2 on one thread, {images:N0} images, best of {runs}:");
        foreach (var (name, value) in results) Console.WriteLine($"  {name,-36} {value,12:N0}");
        return 0;
    }

    private static double Best(int runs, Action action)
    {
        action(); // warm-up (JIT, thread-static buffers)
        double best = double.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
