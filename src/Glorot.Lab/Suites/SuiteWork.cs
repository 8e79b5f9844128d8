using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// A suite's progress in predicted seconds of work instead of updates: each run's <see cref="RunWork"/> (from the speed
/// check) turns the update and phase it reports into the seconds of work it has done, so that the bar and the ETA
/// advance as fast as the time does — a sigmoid run without Jacobians first no longer makes the tanh runs' Jacobians
/// look free. The ETA (<see cref="ProgressEta.Remaining"/>) extrapolates these seconds by the measured ratio of real to
/// predicted time so far, so a machine uniformly slower than the check (other work on the cores) still gets a right one.
/// </summary>
internal sealed class SuiteWork
{
    private readonly Dictionary<(string Stage, string Run), Segment> _segments = [];

    /// <summary>
    /// The work of <paramref name="tasks"/> (this invocation's selection and final tasks), each run's costs from
    /// <paramref name="work"/>; a final task of a network that selects its learning rate continues the winning candidate
    /// from <paramref name="selectionUpdates"/>, so every candidate's name maps to that part of the run.
    /// </summary>
    public SuiteWork(IEnumerable<SuiteTask> tasks, long selectionUpdates, Func<RunSpec, RunWork> work)
    {
        foreach (var task in tasks)
        {
            // SuiteRunner's stage names in the progress it reports.
            if (task.Stage == SuiteStage.Selection)
                Add("selection", task.Spec.Name, new Segment(work(task.Spec), 0, selectionUpdates));
            else
            {
                bool continues = task.Instance.Selects;
                foreach (var candidate in continues ? task.Instance.Candidates : [task.Spec])
                    Add("training", candidate.Name, new Segment(work(candidate), continues ? selectionUpdates : 0, candidate.Updates));
                // One of the candidates trains on: counted once.
                Total += _segments[("training", task.Spec.Name)].Size;
            }
        }
        Total += _segments.Where(s => s.Key.Stage == "selection").Sum(s => s.Value.Size);
    }

    /// <summary>Predicted seconds of all the work.</summary>
    public double Total { get; }

    /// <summary>Predicted seconds of the work done so far.</summary>
    public double Done { get; private set; }

    /// <summary>Takes in a run's report; reports of runs outside the tasks (and the suite's own stages) change nothing.</summary>
    public void Report(SuiteProgress progress)
    {
        if (!_segments.TryGetValue((progress.Stage, progress.Run), out var segment)) return;
        Done += segment.Report(progress.RunStep, progress.Phase);
    }

    private void Add(string stage, string run, Segment segment) => _segments[(stage, run)] = segment;

    // One run's part of a stage, from update `from` (a continued run: the events there were done before) to `to`.
    private sealed class Segment(RunWork work, long from, long to)
    {
        private long _step = -1;
        private RunPhase? _current;
        private double _eventsDone, _done;

        public double Size => work.Through(to) - (from == 0 ? 0 : work.Through(from));

        // The change of this run's work done. An event (evaluation, probe, Jacobians) at a step counts once RunTraining
        // reports training again after it, not when it starts: a tanh run's Jacobians take minutes at update 0.
        public double Report(long step, RunPhase phase)
        {
            if (step != _step)
            {
                (_step, _current, _eventsDone) = (step, null, 0);
            }
            if (phase is RunPhase.Evaluating or RunPhase.Probing or RunPhase.Jacobians)
                _current = phase;
            else if (phase == RunPhase.Training && _current is { } finished)
            {
                _eventsDone += work.At(step, finished);
                _current = null;
            }
            double done = step <= from && from > 0
                ? 0
                : work.Through(step) - work.AllAt(step) + _eventsDone - (from == 0 ? 0 : work.Through(from));
            double change = done - _done;
            _done = done;
            return change;
        }
    }
}
