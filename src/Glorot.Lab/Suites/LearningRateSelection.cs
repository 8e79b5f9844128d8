using System.Globalization;
using System.Text.Json;
using Glorot.Lab.Figures;
using Glorot.Lab.Runs;
using Glorot.IO;

namespace Glorot.Lab.Suites;

/// <summary>Where one learning-rate candidate stood at the selection budget.</summary>
/// <param name="LearningRate">Its rate.</param>
/// <param name="Run">Its run name (<c>tanh@lr=0.01</c>).</param>
/// <param name="Status">"reached" (trained to the budget), "diverged" (before it) or "missing" (not yet at the budget).</param>
/// <param name="ValidationError">Validation error (fraction) at the budget, when reached.</param>
/// <param name="DivergedAtUpdate">The update whose loss or weights were not finite, when diverged.</param>
/// <param name="DivergedLayer">The first non-finite layer (1 = the first hidden layer, "output" the softmax layer; null: only the loss), when diverged.</param>
internal sealed record CandidateOutcome(double LearningRate, string Run, string Status, double? ValidationError, long? DivergedAtUpdate, string? DivergedLayer);

/// <summary>The learning-rate choice of one network and seed.</summary>
/// <param name="Instance">The run name of the network and seed (<c>tanh</c>, <c>tanh@seed=2</c>).</param>
/// <param name="Label">The paper's name of the network.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Budget">Updates each candidate trained before the choice.</param>
/// <param name="Candidates">Every candidate, in increasing rate.</param>
/// <param name="Chosen">The winner; null when every candidate diverged or some are missing.</param>
internal sealed record SelectionChoice(string Instance, string Label, ulong Seed, long Budget, IReadOnlyList<CandidateOutcome> Candidates, CandidateOutcome? Chosen)
{
    /// <summary>The candidates that have not reached the budget yet.</summary>
    public IEnumerable<CandidateOutcome> Missing => Candidates.Where(c => c.Status == "missing");
}

/// <summary>
/// The paper's learning-rate choice (Glorot &amp; Bengio 2010, §2.3: "optimized based on validation set error"):
/// every candidate trains to the same budget, the lowest validation error there wins (ties: the smaller rate, the
/// more conservative choice), a candidate that diverged before the budget loses. Decided from the candidates' run
/// directories alone, so any machine that holds them makes the same choice.
/// </summary>
internal static class LearningRateSelection
{
    /// <summary>selection.csv: per network, seed and candidate learning rate, how the candidate did and whether it was chosen ("yes"/"no").</summary>
    private static readonly CsvSchema Columns = new("selection.csv",
        new("network", CsvKind.Text), new("seed", CsvKind.Integer), new("learning_rate", CsvKind.Number), new("run", CsvKind.Text), new("status", CsvKind.Text), new("validation_error_at_budget", CsvKind.OptionalNumber), new("budget", CsvKind.Integer), new("diverged_at_update", CsvKind.OptionalInteger), new("diverged_layer", CsvKind.Text), new("chosen", CsvKind.Text));

    /// <summary>File name of the choices in the output directory.</summary>
    public const string FileName = "selection.json";

    /// <summary>The choice of <paramref name="instance"/>, reading each candidate from <paramref name="find"/> (null: no directory).</summary>
    public static SelectionChoice Choose(SuiteInstance instance, long budget, Func<string, RunDirectory?> find)
    {
        var outcomes = instance.Candidates.Select(c => Outcome(c, budget, find(c.Name))).ToList();
        var reached = outcomes.Where(o => o.Status == "reached").ToList();
        var chosen = outcomes.Any(o => o.Status == "missing") || reached.Count == 0
            ? null
            : reached.OrderBy(o => o.ValidationError).ThenBy(o => o.LearningRate).First();
        return new SelectionChoice(instance.Name, instance.Network.Label, instance.Seed, budget, outcomes, chosen);
    }

    private static CandidateOutcome Outcome(RunSpec candidate, long budget, RunDirectory? dir)
    {
        if (dir is not null && File.Exists(dir.Divergence))
        {
            var divergence = JsonSerializer.Deserialize<DivergenceInfo>(File.ReadAllText(dir.Divergence), Runner.JsonOptions)
                ?? throw new InvalidDataException($"{dir.Divergence}: holds null, not a divergence record.");
            if (divergence.FailedUpdate <= budget)
                return new(candidate.LearningRate, candidate.Name, "diverged", null, divergence.FailedUpdate, divergence.Layer);
        }
        var atBudget = dir is not null && File.Exists(dir.Metrics) ? RunTables.Metrics(dir).FirstOrDefault(m => m.Step == budget) : null;
        return atBudget is null
            ? new(candidate.LearningRate, candidate.Name, "missing", null, null, null)
            : new(candidate.LearningRate, candidate.Name, "reached", atBudget.ValidationError, null, null);
    }

    /// <summary>
    /// Writes OUT/selection.json (per network and seed: every candidate's validation error and the choice) and
    /// OUT/selection.csv (one row per candidate). Nothing in either depends on the machine or the time.
    /// </summary>
    public static void Write(IReadOnlyList<SelectionChoice> choices, string outDirectory)
    {
        Glorot.IO.AtomicFile.WriteAllText(Path.Combine(outDirectory, FileName), JsonSerializer.Serialize(new
        {
            metric = "validation_error",
            rule = "lowest validation error at the budget; ties: the smaller rate; a candidate that diverged before the budget loses",
            networks = choices.Select(c => new
            {
                instance = c.Instance,
                label = c.Label,
                seed = c.Seed,
                budget = c.Budget,
                chosen_learning_rate = c.Chosen?.LearningRate,
                chosen_run = c.Chosen?.Run,
                candidates = c.Candidates,
            }),
        }, Runner.JsonOptions) + "\n");
        var csv = new FigureCsv(Columns);
        foreach (var c in choices)
            foreach (var o in c.Candidates)
                csv.Add(c.Instance, c.Seed, o.LearningRate, o.Run, o.Status, o.ValidationError, c.Budget, o.DivergedAtUpdate, o.DivergedLayer,
                    ReferenceEquals(o, c.Chosen) ? "yes" : "no");
        csv.Save(Path.Combine(outDirectory, "selection.csv"));
    }

    /// <summary>The rate as the report prints it.</summary>
    public static string Describe(CandidateOutcome o) => o.Status switch
    {
        "reached" => string.Create(CultureInfo.InvariantCulture, $"{100 * o.ValidationError:F2} %"),
        "diverged" => string.Create(CultureInfo.InvariantCulture, $"diverged at update {o.DivergedAtUpdate} (layer {o.DivergedLayer ?? "none"})"),
        _ => "missing",
    };
}
