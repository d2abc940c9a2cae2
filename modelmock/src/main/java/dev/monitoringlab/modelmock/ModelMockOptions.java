package dev.monitoringlab.modelmock;

import dev.monitoringlab.settings.Cli;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The mock's command line: {@code --port}, {@code --host}, {@code --interval}, {@code --seed}, {@code --values}. */
public final class ModelMockOptions {
    @Option(names = "--port", defaultValue = "9000", converter = Cli.Port.class,
            description = "port of /metrics (default ${DEFAULT-VALUE}; 0 picks a free one)")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--interval", defaultValue = "5s", converter = Interval.class,
            description = "how often model_result gets a new value, at least 10ms (default ${DEFAULT-VALUE})")
    private Duration interval;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the uniform random values (default: random)")
    private Long seed;

    @Option(names = "--values", split = ",", paramLabel = "0.2,0.9", converter = Probability.class,
            description = "cycle through these values in [0, 1] instead of random ones")
    private List<Double> values;

    /** Parses a command line; a bad one throws picocli's ParameterException with the one line to show. */
    public static ModelMockOptions parse(String... args) {
        return CommandLine.populateCommand(new ModelMockOptions(), args);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Duration interval() {
        return interval;
    }

    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    public Optional<List<Double>> values() {
        return Optional.ofNullable(values).map(List::copyOf);
    }

    /** A Prometheus-style duration of at least 10 ms: shorter would only burn CPU between scrapes. */
    static final class Interval implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = new Cli.PositiveDuration().convert(value);
            if (d.toMillis() < 10) {
                throw new TypeConversionException("'" + value + "' is shorter than 10ms");
            }
            return d;
        }
    }

    /** One value of model_result: a number in [0, 1]. */
    static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d;
            try {
                d = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value.trim() + "' is not a number");
            }
            if (!(d >= 0 && d <= 1)) {
                throw new TypeConversionException(value.trim() + " is outside [0, 1]");
            }
            return d;
        }
    }
}
