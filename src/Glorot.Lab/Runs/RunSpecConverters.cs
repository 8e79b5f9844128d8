using System.Text.Json;
using System.Text.Json.Serialization;
using Glorot.Data;

namespace Glorot.Lab.Runs;

/// <summary>A spec value of the right JSON kind that names nothing known ("activation": "swish"). Its message lacks the
/// key: System.Text.Json sets <see cref="JsonException.Path"/>, and <see cref="RunSpecJson.Parse"/> puts file and key in front.</summary>
internal sealed class RunSpecValueException(string message, Exception? inner = null) : JsonException(message, inner);

/// <summary>The JSON form of the typed values of a <see cref="RunSpec"/>: each is read from its name once, here, and
/// written back as the name it was read from (so a spec re-serializes to its own bytes and digest).</summary>
internal static class RunSpecConverters
{
    /// <summary>Adds the converters of activation, init and output_init, and input_scaling to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        options.Converters.Add(new ActivationConverter());
        options.Converters.Add(new RunInitConverter());
        options.Converters.Add(new PixelScalingConverter());
        return options;
    }

    // A converter of a name-valued key: parse on read (the parse's ArgumentException or FormatException becomes a
    // RunSpecValueException), the name on write.
    private abstract class NameConverter<T> : JsonConverter<T>
    {
        protected abstract T Parse(string name);
        protected abstract string Name(T value);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new RunSpecValueException($"{reader.TokenType.ToString().ToLowerInvariant()} is not a name; give a string.");
            string name = reader.GetString()!;
            try
            {
                return Parse(name);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                throw new RunSpecValueException(ex.Message, ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Name(value));
    }

    private sealed class ActivationConverter : NameConverter<Activation>
    {
        // An unknown name lists the known ones; a known name with a bad parameter (elu:-1) says what is wrong with it.
        protected override Activation Parse(string name) => Activation.TryParse(name, out var activation, out string? error)
            ? activation
            : throw new ArgumentException(error!.StartsWith("Unknown", StringComparison.Ordinal)
                ? $"'{name}' is unknown; known: {string.Join(", ", Activation.Names)}."
                : error.Replace($"Activation '{name}': ", $"'{name}': ", StringComparison.Ordinal));

        protected override string Name(Activation value) => value.ToString();
    }

    private sealed class RunInitConverter : NameConverter<RunInit>
    {
        protected override RunInit Parse(string name) => RunInit.Parse(name);
        protected override string Name(RunInit value) => value.Name;
    }

    private sealed class PixelScalingConverter : NameConverter<PixelScaling>
    {
        protected override PixelScaling Parse(string name) => PixelScalingNames.Parse(name);
        protected override string Name(PixelScaling value) => PixelScalingNames.Name(value);
    }
}
