namespace Glorot.Nn;

/// <summary>
/// The learning rate of update t (t = 0 for the first) as a pure function of t and the base rate ε₀, so that a run
/// resumed at update t continues with the rate it would have had. Each is the closed form of a
/// torch.optim.lr_scheduler class stepped once per update.
/// </summary>
public abstract record LearningRateSchedule
{
    /// <summary>ε_t = ε₀ for every t.</summary>
    public static LearningRateSchedule Constant { get; } = new ConstantSchedule();

    /// <summary>ε_t = ε₀·γ^⌊t/k⌋ (torch.optim.lr_scheduler.StepLR(step_size = k, gamma = γ)).</summary>
    public static LearningRateSchedule Step(long every, double gamma = 0.1) => new StepSchedule(every, gamma);

    /// <summary>
    /// ε_t = ε_min + (ε₀ − ε_min)·(1 + cos(π·t/T))/2 (torch.optim.lr_scheduler.CosineAnnealingLR(T_max = T,
    /// eta_min), its closed form; Loshchilov &amp; Hutter 2017, eq. 5 without restarts). Past T the cosine rises
    /// again, as PyTorch's does.
    /// </summary>
    public static LearningRateSchedule Cosine(long period, double minimum = 0) => new CosineSchedule(period, minimum);

    /// <summary>The rate of update <paramref name="update"/> (0-based) for base rate <paramref name="baseRate"/>.</summary>
    public abstract double At(long update, double baseRate);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work with this base rate.</summary>
    public abstract void Validate(double baseRate);

    private sealed record ConstantSchedule : LearningRateSchedule
    {
        public override double At(long update, double baseRate) => baseRate;

        public override void Validate(double baseRate) { }

        public override string ToString() => "constant";
    }

    private sealed record StepSchedule(long Every, double Gamma) : LearningRateSchedule
    {
        public override double At(long update, double baseRate) => baseRate * Math.Pow(Gamma, update / Every);

        public override void Validate(double baseRate)
        {
            if (Every <= 0) throw new ArgumentException($"Step schedule: the interval {Every} must be a positive number of updates.");
            if (!(Gamma > 0 && Gamma <= 1)) throw new ArgumentException($"Step schedule: gamma {Gamma} must be in (0, 1].");
        }

        public override string ToString() => $"step(every {Every}, gamma {Gamma:R})";
    }

    private sealed record CosineSchedule(long Period, double Minimum) : LearningRateSchedule
    {
        public override double At(long update, double baseRate) =>
            Minimum + (baseRate - Minimum) * (1 + Math.Cos(Math.PI * update / Period)) / 2;

        public override void Validate(double baseRate)
        {
            if (Period <= 0) throw new ArgumentException($"Cosine schedule: the period {Period} must be a positive number of updates.");
            if (!(Minimum >= 0 && Minimum <= baseRate))
                throw new ArgumentException($"Cosine schedule: the minimum rate {Minimum} must be in [0, {baseRate}] (the base rate).");
        }

        public override string ToString() => $"cosine(period {Period}, minimum {Minimum:R})";
    }
}
