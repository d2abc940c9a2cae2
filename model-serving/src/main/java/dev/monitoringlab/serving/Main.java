package dev.monitoringlab.serving;

import dev.monitoringlab.serving.cli.Commands;
import dev.monitoringlab.serving.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Entry point: picks the subcommand; the work is in {@link Commands}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        // exit only on failure, so the build can run "generate" and "train" inside Maven's JVM
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args) {
        Commands commands = new Commands(System.out, System.err);
        try {
            String command = args.length == 0 ? "" : args[0];
            return switch (command) {
                case "generate" -> commands.generate(args);
                case "train" -> commands.train(args);
                case "explore" -> commands.explore(args);
                case "serve" -> commands.serve(args);
                case "traffic" -> commands.traffic(args);
                case "-h", "--help", "help" -> {
                    System.out.println(Commands.USAGE);
                    yield 0;
                }
                default -> throw new UsageException(command.isEmpty() ? "no command given"
                        : "unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Commands.USAGE);
            return 2;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
