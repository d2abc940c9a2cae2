package dev.monitoringlab.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ExternalTool;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The compose tests' own Docker engine (compose-tests/engine.sh), the stand-in images (images/stand-ins.sh), and
 * the environment a user's shell would have: DOCKER_HOST at this engine's socket, never the default one, and a
 * DOCKER_CONFIG whose cli-plugins are the pinned compose v2 and buildx from scripts/current-versions.sh's cache.
 */
final class TestEngine implements AutoCloseable {
    static final ExternalTool DOCKERD = new ExternalTool(List.of("dockerd"), "docker.io");
    static final ExternalTool DOCKER = new ExternalTool(List.of("docker"), "docker.io");
    static final ExternalTool DEBOOTSTRAP = new ExternalTool(List.of("debootstrap"), "debootstrap");
    static final ExternalTool SETPRIV = new ExternalTool(List.of("setpriv"), "util-linux");
    /** The user the stack runs as: not root, like a user of the lab. */
    static final int UID = 65534;

    private final ProjectLayout layout;
    private final Path run;
    private final Map<String, String> env = new LinkedHashMap<>();

    TestEngine(ProjectLayout layout) throws IOException, InterruptedException {
        DOCKERD.require();
        DOCKER.require();
        DEBOOTSTRAP.require();
        SETPRIV.require();
        this.layout = layout;
        // a short path: the socket's path must stay under 108 bytes
        run = Files.createTempDirectory(Path.of("/tmp"), "lab-compose-");
        progress("starting a Docker engine of its own in " + run);
        try {
            start();
        } catch (RuntimeException | Error e) {
            // a half-made engine is stopped here: nobody else holds it to stop it later
            close();
            throw e;
        }
    }

    private void start() throws IOException {
        exec(List.of(layout.root().resolve("compose-tests/engine.sh").toString(), "start", run.toString()), Map.of(), 120);
        Path plugins = Files.createDirectories(run.resolve("config/cli-plugins"));
        String binDir = exec(List.of(layout.root().resolve("scripts/current-versions.sh").toString(), "--bin-dir"),
                Map.of(), 600).strip();
        for (String plugin : List.of("docker-compose", "docker-buildx")) {
            // copies, not links: the stack's user cannot read root's cache
            Files.copy(Path.of(binDir, plugin), plugins.resolve(plugin), StandardCopyOption.REPLACE_EXISTING);
        }
        env.put("DOCKER_HOST", "unix://" + run.resolve("docker.sock"));
        env.put("DOCKER_CONFIG", run.resolve("config").toString());
        env.put("HOME", run.resolve("config").toString());
        env.put("PATH", System.getenv("PATH"));
        // the cache of the stand-ins' root file systems stays the invoking user's, whatever HOME the stack gets
        String xdg = System.getenv("XDG_CACHE_HOME");
        // so is the local Maven repository the Maven stand-in carries
        env.put("MAVEN_REPO_LOCAL", Optional.ofNullable(System.getProperty("lab.maven.repo"))
                .orElse(System.getProperty("user.home") + "/.m2/repository"));
        env.put("LAB_CACHE_DIR", Optional.ofNullable(System.getenv("LAB_CACHE_DIR")).orElse(
                (xdg != null ? xdg : System.getProperty("user.home") + "/.cache") + "/monitoring-lab"));
        // the stack's user reaches this engine, and only this one
        exec(List.of("chmod", "711", run.toString()), Map.of(), 10);
        exec(List.of("chmod", "666", run.resolve("docker.sock").toString()), Map.of(), 10);
        exec(List.of("chown", "-R", UID + ":" + UID, run.resolve("config").toString()), Map.of(), 10);
        progress("stand-in images (cached after the first run; the first takes about 8 minutes)");
        exec(List.of(layout.root().resolve("compose-tests/images/stand-ins.sh").toString()), env, 1800);
    }

    Map<String, String> env() {
        return env;
    }

    Path run() {
        return run;
    }

    /** `docker ARGS` on this engine, as root; its output, or an AssertionError with it. */
    String docker(String... args) {
        List<String> command = new ArrayList<>(List.of(DOCKER.require().toString()));
        command.addAll(List.of(args));
        return exec(command, env, 600);
    }

    static void progress(String line) {
        System.out.println("compose-tests: " + line);
        System.out.flush();
    }

    /** Runs a command to its end; its stdout, stderr copied to ours as progress; fails with both on exit != 0. */
    static String exec(List<String> command, Map<String, String> env, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("compose-tests", ".out");
            Path err = Files.createTempFile("compose-tests", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            if (command.get(0).endsWith("stand-ins.sh")) {
                stdout.lines().forEach(l -> progress(l));
            }
            assertThat(ended && p.exitValue() == 0).as("%s ended with %s:\n%s%s", command,
                    ended ? p.exitValue() : "a timeout", stdout, stderr).isTrue();
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Removes every container, stops the engine, removes its run directory. */
    @Override
    public void close() {
        progress("stopping the engine");
        exec(List.of(layout.root().resolve("compose-tests/engine.sh").toString(), "stop", run.toString()), Map.of(), 120);
    }
}
