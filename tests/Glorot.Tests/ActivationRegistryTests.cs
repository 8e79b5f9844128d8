using Glorot.Init;

namespace Glorot.Tests;

public class ActivationRegistryTests
{
    // Every spelling accepted before the registry, by whichever parser accepted it: Activation.Parse (linear,
    // logistic, leakyrelu, lrelu), Gain.Of (leaky), ActivationFunctions.Find (all of Activation's), with the case
    // and '_' variations they allowed. Written out, not read from the registry, so dropping an alias fails here.
    [Theory]
    [InlineData("identity", ActivationKind.Identity)]
    [InlineData("linear", ActivationKind.Identity)]
    [InlineData("Linear", ActivationKind.Identity)]
    [InlineData("sigmoid", ActivationKind.Sigmoid)]
    [InlineData("logistic", ActivationKind.Sigmoid)]
    [InlineData("tanh", ActivationKind.Tanh)]
    [InlineData(" TANH ", ActivationKind.Tanh)]
    [InlineData("softsign", ActivationKind.Softsign)]
    [InlineData("relu", ActivationKind.Relu)]
    [InlineData("ReLU", ActivationKind.Relu)]
    [InlineData("leaky-relu", ActivationKind.LeakyRelu)]
    [InlineData("leaky_relu", ActivationKind.LeakyRelu)]
    [InlineData("Leaky_ReLU", ActivationKind.LeakyRelu)]
    [InlineData("leakyrelu", ActivationKind.LeakyRelu)]
    [InlineData("lrelu", ActivationKind.LeakyRelu)]
    [InlineData("leaky", ActivationKind.LeakyRelu)]
    [InlineData("elu", ActivationKind.Elu)]
    [InlineData("selu", ActivationKind.Selu)]
    [InlineData("gelu", ActivationKind.Gelu)]
    [InlineData("softplus", ActivationKind.Softplus)]
    public void Every_name_accepted_anywhere_before_parses_to_its_activation(string name, ActivationKind kind)
    {
        Assert.Equal(kind, Activation.Parse(name).Kind);
        Assert.Equal(kind, ActivationRegistry.Find(name)?.Kind);
    }

    [Fact]
    public void Every_registered_name_and_alias_parses_to_its_entry_with_the_default_parameter()
    {
        foreach (var entry in ActivationRegistry.All)
            foreach (var name in entry.Aliases.Prepend(entry.Name))
            {
                var f = Activation.Parse(name);
                Assert.Equal(entry.Kind, f.Kind);
                Assert.Equal(entry.Parameter?.Default ?? 0, f.Parameter);
                Assert.Same(entry, f.Info);
            }
        Assert.Equal(ActivationRegistry.NamesAndAliases.Count, ActivationRegistry.NamesAndAliases.Distinct().Count());
    }

    [Theory]
    [InlineData("lrelu:0.2", 0.2)]
    [InlineData("leaky:0", 0.0)]
    [InlineData("LEAKY_RELU:1e-3", 0.001)]
    [InlineData("elu:0.5", 0.5)]
    public void Aliases_take_the_parameter_of_their_entry(string name, double parameter) =>
        Assert.Equal(parameter, Activation.Parse(name).Parameter);

    [Theory]
    [InlineData("tahn", "tanh")]
    [InlineData("relue", "relu")]
    [InlineData("sigmod", "sigmoid")]
    [InlineData("lreul", "lrelu")]
    public void A_mistyped_name_gets_the_nearest_names_in_every_parser(string typo, string suggested)
    {
        string hint = $"Did you mean {suggested}";
        Assert.Contains(hint, Assert.Throws<FormatException>(() => Activation.Parse(typo)).Message);
        Assert.False(Activation.TryParse(typo, out _, out string? error));
        Assert.Contains(hint, error);
        Assert.Contains(hint, Assert.Throws<ArgumentException>(() => Gain.Of(typo)).Message);
        Assert.Contains(hint, Assert.Throws<ArgumentException>(() => ActivationFunctions.Find(typo)).Message);
    }

    [Fact]
    public void A_name_far_from_every_known_one_gets_the_list_but_no_guess()
    {
        var message = Assert.Throws<FormatException>(() => Activation.Parse("hyperbolic")).Message;
        Assert.Contains("Unknown activation 'hyperbolic'", message);
        Assert.DoesNotContain("Did you mean", message);
        foreach (var name in ActivationRegistry.Names) Assert.Contains(name, message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.2)]
    [InlineData(1.0)]
    public void Classic_gains_that_claim_the_variance_convention_equal_the_quadrature_of_the_definition(double parameter)
    {
        // An entry without a note claims g = 1/√E[φ(z)²], z ~ N(0, 1) (He et al. 2015, eq. 10 generalized), which
        // NumericGain computes from Activation.Forward to ~1e-15; identity, relu, leaky-relu and softsign must match it.
        int checkedEntries = 0;
        foreach (var entry in ActivationRegistry.All.Where(a => a.ClassicGain is not null && a.ClassicGainNote.Length == 0))
        {
            var f = Activation.Parse(entry.Parameter is null ? entry.Name : FormattableString.Invariant($"{entry.Name}:{parameter}"));
            double numeric = NumericGain.Of(Glorot.Init.ActivationFunctions.Find(f.ToString()), GainMode.Forward).Gain;
            Assert.Equal(numeric, entry.ClassicGain!(f.Parameter), 9);
            checkedEntries++;
        }
        Assert.Equal(4, checkedEntries);
    }

    [Fact]
    public void A_note_on_a_classic_gain_marks_a_value_that_really_differs_from_the_quadrature()
    {
        // PyTorch's tanh 5/3, selu 3/4 and sigmoid 1 are not 1/√E[φ(z)²] (1.5925, 1.0000, 1.8462): each entry that
        // says so must differ by more than 1 %, else its note would be wrong.
        var noted = ActivationRegistry.All.Where(a => a.ClassicGainNote.Length > 0).ToList();
        Assert.Equal(["sigmoid", "tanh", "selu"], noted.Select(a => a.Name));
        foreach (var entry in noted)
        {
            double numeric = NumericGain.Of(entry.Name).Gain, classic = entry.ClassicGain!(0);
            Assert.True(Math.Abs(classic / numeric - 1) > 0.01, $"{entry.Name}: classic {classic} vs quadrature {numeric}");
        }
    }

    [Fact]
    public void Gain_Of_reads_each_classic_gain_from_the_registry_and_refuses_the_rest()
    {
        foreach (var entry in ActivationRegistry.All)
        {
            if (entry.ClassicGain is { } gain)
                Assert.Equal(gain(entry.Parameter?.Default ?? 0), Gain.Of(entry.Name));
            else
                Assert.Contains("no classic gain", Assert.Throws<ArgumentException>(() => Gain.Of(entry.Name)).Message);
        }
        Assert.Equal(1.0, Gain.Of("conv_transpose2d"));
        Assert.Equal(1.0, Gain.Of("conv-transpose-3d"));
    }

    [Fact]
    public void Output_ranges_hold_on_a_dense_grid_of_the_definition()
    {
        foreach (var entry in ActivationRegistry.All)
        {
            var f = Activation.Parse(entry.Name);
            var (low, high) = entry.OutputRange;
            for (double x = -40; x <= 40; x += 0.01)
            {
                double y = f.Forward(x);
                Assert.True(low is null || y >= low, $"{entry.Name}({x}) = {y} below {low}");
                Assert.True(high is null || y <= high, $"{entry.Name}({x}) = {y} above {high}");
            }
        }
        // The bounds are tight: tanh reaches within 1e-6 of ±1, sigmoid of 0 and 1, relu touches 0.
        Assert.True(Activation.Tanh.Forward(8) > 1 - 1e-6 && Activation.Sigmoid.Forward(-20) < 1e-6);
        Assert.Equal(-Activation.SeluLambda * Activation.SeluAlpha, Activation.Selu.Forward(-1000), 12);
    }

    [Fact]
    public void Kinks_and_monotonicity_follow_the_definitions()
    {
        // A kink at 0: the one-sided slopes of φ or of φ′ differ there (relu's φ′ jumps; ELU(1)'s φ″ and softsign's
        // φ″ do). Smooth functions' one-sided slopes agree to O(h).
        const double h = 1e-5;
        foreach (var entry in ActivationRegistry.All)
        {
            var f = Activation.Parse(entry.Name);
            double forwardJump = Math.Abs((f.Forward(h) - f.Forward(0)) / h - (f.Forward(0) - f.Forward(-h)) / h);
            double slopeJump = Math.Abs((f.Derivative(h) - f.Derivative(0)) / h - (f.Derivative(0) - f.Derivative(-h)) / h);
            bool kinked = forwardJump > 0.1 || slopeJump > 0.1;
            Assert.True(kinked == entry.HasKinkAtZero, $"{entry.Name}: jumps {forwardJump}, {slopeJump}; registry says kink = {entry.HasKinkAtZero}");

            bool monotone = true;
            for (double x = -10; x < 10; x += 0.01) monotone &= f.Forward(x + 0.01) >= f.Forward(x);
            Assert.True(monotone == entry.IsMonotone, $"{entry.Name}: non-decreasing on [−10, 10] = {monotone}");
        }
    }

    [Fact]
    public void The_help_line_names_every_entry_and_alias()
    {
        foreach (var name in ActivationRegistry.NamesAndAliases) Assert.Contains(name, ActivationRegistry.Help);
        Assert.Contains("leaky-relu[:a]", ActivationRegistry.Help);
        Assert.Contains("elu[:α]", ActivationRegistry.Help);
    }

    [Fact]
    public void Formulas_give_the_parameter_and_the_gain_table_lists_each_classic_gain()
    {
        Assert.Equal("z for z > 0, 0.2·z otherwise", ActivationRegistry.Get(ActivationKind.LeakyRelu).Formula(0.2));
        Assert.Equal("z for z > 0, (e^z − 1) otherwise", ActivationRegistry.Get(ActivationKind.Elu).Formula(1));
        Assert.Equal(ActivationRegistry.All.Count(a => a.ClassicGainText is not null), Gain.Table.Count);
        Assert.Contains(Gain.Table, row => row.Name.Contains("leaky", StringComparison.Ordinal) && row.Value.StartsWith("√(2/(1 + a²))", StringComparison.Ordinal));
    }
}
