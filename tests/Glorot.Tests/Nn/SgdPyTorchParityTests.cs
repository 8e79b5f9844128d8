using System.Globalization;
using System.Text.Json;
using Glorot.Kernels;
using Glorot.Nn;
using Glorot.Random;

namespace Glorot.Tests.Nn;

/// <summary>
/// The optimizer step and the learning-rate schedules against PyTorch itself (Debian's python3-torch), when it is
/// installed: torch.optim.SGD(momentum, nesterov, weight_decay) fed the same gradients, and StepLR /
/// CosineAnnealingLR stepped once per update. Skipped where no python3 with torch is found.
/// </summary>
public sealed class SgdPyTorchParityTests
{
    private static string List(IEnumerable<float> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void Momentum_steps_match_torch_optim_sgd(bool nesterov)
    {
        const int n = 37, steps = 4;
        const float lr = 0.05f, mu = 0.9f, wd = 0.01f;
        var random = new RandomStream(5, 1);
        var p = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble(-1, 1)).ToArray();
        var g = Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, n).Select(_ => (float)random.NextDouble(-1, 1)).ToArray()).ToArray();
        string script = string.Join("\n",
            "import json, torch",
            $"p = torch.nn.Parameter(torch.tensor({List(p)}, dtype=torch.float32))",
            $"opt = torch.optim.SGD([p], lr={lr.ToString("R", CultureInfo.InvariantCulture)}, momentum={mu.ToString("R", CultureInfo.InvariantCulture)}, weight_decay={wd.ToString("R", CultureInfo.InvariantCulture)}, nesterov={(nesterov ? "True" : "False")})",
            $"for g in [{string.Join(", ", g.Select(List))}]:",
            "    p.grad = torch.tensor(g, dtype=torch.float32)",
            "    opt.step()",
            "print(json.dumps(p.detach().tolist()))");
        var output = Support.Python.Run(script);
        Skip.If(output is null, "python3 with torch is not installed");
        var torch = JsonDocument.Parse(output!).RootElement.EnumerateArray().Select(e => e.GetSingle()).ToArray();

        var ours = (float[])p.Clone();
        var v = new float[n];
        foreach (var gradient in g)
            if (nesterov) SgdKernels.NesterovStep(ours, gradient, v, lr, mu, wd);
            else SgdKernels.MomentumStep(ours, gradient, v, lr, mu, wd);
        // float32 on both sides, ours with fused multiply-adds: a few ulps after four steps.
        for (int i = 0; i < n; i++) Assert.Equal(torch[i], ours[i], 1e-6f);
    }

    [SkippableFact]
    public void Schedules_match_torch_lr_schedulers_per_update()
    {
        const int updates = 50;
        string script = string.Join("\n",
            "import json, torch",
            "def rates(make):",
            "    p = torch.nn.Parameter(torch.zeros(1))",
            "    opt = torch.optim.SGD([p], lr=0.1)",
            "    s = make(opt)",
            "    out = []",
            $"    for _ in range({updates}):",
            "        out.append(opt.param_groups[0]['lr'])",
            "        opt.step(); s.step()",
            "    return out",
            "print(json.dumps([rates(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=7, gamma=0.5)),",
            "                  rates(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=30, eta_min=0.001))]))");
        var output = Support.Python.Run(script);
        Skip.If(output is null, "python3 with torch is not installed");
        var torch = JsonDocument.Parse(output!).RootElement;
        var step = LearningRateSchedule.Step(7, 0.5);
        var cosine = LearningRateSchedule.Cosine(30, 0.001);
        for (int t = 0; t < updates; t++)
        {
            Assert.Equal(torch[0][t].GetDouble(), step.At(t, 0.1), 1e-12);
            // PyTorch steps the cosine by a recursion whose rounding drifts from the closed form by ~1e-16 per step.
            Assert.Equal(torch[1][t].GetDouble(), cosine.At(t, 0.1), 1e-12);
        }
    }

    [SkippableFact]
    public void Training_steps_match_pytorch_on_the_same_network_and_batches()
    {
        // nn.Sequential(Linear(5, 7), Tanh(), Linear(7, 6), Tanh(), Linear(6, 4)) with the engine's initial weights,
        // four steps of SGD(momentum 0.9, Nesterov, weight decay 0.01) with clip_grad_norm_(0.5) and a cosine schedule.
        var mlp = new Mlp([5, 7, 6, 4], Activation.Parse("tanh"), WeightFills.Normalized, 3);
        const int rows = 6, steps = 4;
        var random = new RandomStream(8, 2);
        var batches = Enumerable.Range(0, steps).Select(_ => (
            X: Enumerable.Range(0, rows * 5).Select(_ => (float)random.NextDouble(-1.5, 1.5)).ToArray(),
            Y: Enumerable.Range(0, rows).Select(_ => random.NextInt(4)).ToArray())).ToArray();
        var lines = new List<string>
        {
            "import json, torch",
            "from torch import nn",
            "m = nn.Sequential(nn.Linear(5, 7), nn.Tanh(), nn.Linear(7, 6), nn.Tanh(), nn.Linear(6, 4))",
            "with torch.no_grad():",
        };
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            lines.Add($"    m[{2 * l}].weight.copy_(torch.tensor({List(mlp.CopyWeight(l))}).reshape({mlp.FanOut(l)}, {mlp.FanIn(l)}))");
            lines.Add($"    m[{2 * l}].bias.copy_(torch.tensor({List(mlp.Bias(l).ToArray())}))");
        }
        lines.AddRange(
        [
            "opt = torch.optim.SGD(m.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.01)",
            $"sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max={steps}, eta_min=0.001)",
            $"for x, y in [{string.Join(", ", batches.Select(b => $"({List(b.X)}, [{string.Join(", ", b.Y)}])"))}]:",
            $"    opt.zero_grad()",
            $"    loss = nn.functional.cross_entropy(m(torch.tensor(x).reshape({rows}, 5)), torch.tensor(y))",
            "    loss.backward()",
            "    nn.utils.clip_grad_norm_(m.parameters(), 0.5)",
            "    opt.step(); sched.step()",
            "print(json.dumps([p.detach().reshape(-1).tolist() for p in m.parameters()]))",
        ]);
        var output = Support.Python.Run(string.Join("\n", lines));
        Skip.If(output is null, "python3 with torch is not installed");
        var torch = JsonDocument.Parse(output!).RootElement;

        var options = new SgdOptions
        {
            LearningRate = 0.05f, Momentum = 0.9f, Nesterov = true, WeightDecay = 0.01f, ClipGlobalNorm = 0.5f,
            Schedule = LearningRateSchedule.Cosine(steps, 0.001),
        };
        var trainer = new SgdTrainer(mlp, options, rows);
        foreach (var (x, y) in batches) trainer.Step(x, y);
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var w = torch[2 * l].EnumerateArray().Select(e => e.GetSingle()).ToArray();
            var b = torch[2 * l + 1].EnumerateArray().Select(e => e.GetSingle()).ToArray();
            // float32 GEMMs summed in other orders: ~1e-7 per step, grown by momentum over four steps.
            for (int i = 0; i < w.Length; i++) Assert.Equal(w[i], mlp.CopyWeight(l)[i], 2e-5f);
            for (int i = 0; i < b.Length; i++) Assert.Equal(b[i], mlp.Bias(l)[i], 2e-5f);
        }
    }
}
