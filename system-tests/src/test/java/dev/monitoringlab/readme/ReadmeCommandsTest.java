package dev.monitoringlab.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.readme.ReadmeCommands.Shell;
import dev.monitoringlab.readme.ReadmeCommands.Shown;
import dev.monitoringlab.settings.Cli;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command a README shows (see {@link ReadmeCommands} for which lines and spans count) names things that exist,
 * and every {@code --flag} it gives is one its program accepts. Commands run from the repository root; a {@code cd}
 * earlier on the same line moves them; a relative path not found there is looked up in the README's own folder.
 * Per command word:
 * <ul>
 *   <li>a project script exists and is executable, and {@code script --help} (run for real) mentions each of its
 *       {@code --flags}; after {@code --native} (and {@code --ha}) of {@code stack/up.sh} and {@code ./run.sh} the
 *       flags are the launcher's, checked against its {@code --help}; {@code ./test.sh}'s arguments are Maven's;
 *       {@code stack/up.sh SERVICE...} names services of stack/docker-compose.yml;</li>
 *   <li>{@code mvn}: {@code -pl} names modules, {@code -P} profiles, {@code -Dtest}/{@code -Dit.test} test classes
 *       of the modules built ({@code *} patterns matched), {@code -Dit.test} comes with a phase that runs failsafe,
 *       and, when a built module has no such test, with {@code -D(surefire|failsafe).failIfNoSpecifiedTests=false};
 *       {@code -Dlab.KEY} is a setting; {@code exec:java}'s {@code -Dexec.args} flags are its main class's;</li>
 *   <li>{@code java -jar M/target/X.jar}: a jar the build produces (shade's finalName or outputFile), and the
 *       subcommands and flags given are in its main class's {@code --help} (run in this JVM); {@code java -cp ...
 *       CLASS}: the same for CLASS;</li>
 *   <li>{@code docker compose} service names exist; {@code ansible-playbook}'s playbook exists;</li>
 *   <li>any command: {@code localhost:PORT} is a default port of the settings; a path into the repository exists
 *       (paths git ignores are not checked, except a {@code target/*.jar}, which must be one the build makes).</li>
 * </ul>
 * Inline spans naming a repository path (one word with a {@code /}) must exist too.
 */
class ReadmeCommandsTest {
    private static final Path ROOT = ProjectLayout.locate().root();
    private static final Project PROJECT = new Project(ROOT);
    private static final Set<String> FAILSAFE_PHASES = Set.of("integration-test", "post-integration-test", "verify",
            "install", "deploy");
    private static final Set<String> PHASES = Set.of("clean", "validate", "initialize", "generate-sources",
            "process-sources", "generate-resources", "process-resources", "compile", "process-classes",
            "generate-test-sources", "process-test-sources", "generate-test-resources", "process-test-resources",
            "test-compile", "process-test-classes", "test", "prepare-package", "package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");
    /** Flags whose value is something the command writes: it need not exist yet. */
    private static final Set<String> OUTPUT_FLAGS = Set.of("--out", "--work-dir", "-o");
    /** Scripts whose arguments after {@code --native} go to the native launcher. */
    private static final Set<String> LAUNCHER_SCRIPTS = Set.of("stack/up.sh", "run.sh");
    private static final String LAUNCHER_JAR = "stack/target/stack-launcher.jar";
    private static final Pattern LOCAL_PORT = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d+)");
    private static final Pattern LAB_PROPERTY = Pattern.compile("-Dlab\\.([A-Za-z0-9.-]+)=");
    /** "12 tests", "40 unit tests", "3 integration tests", "tests: 12": counts that drift. */
    static final Pattern TEST_COUNT = Pattern.compile("(?i)\\b\\d[\\d,]*\\s+(?:(?:unit|integration|live|promtool|"
            + "system|schema|junit|surefire|failsafe|end-to-end|more|other|new|passing|green|failing)\\s+)?"
            + "(?:tests|test cases|(?-i:ITs))\\b|\\btests?[ \\t]*[:=][ \\t]*\\d");

    private final Map<String, String> helps = new HashMap<>();

    /** Every README.md of the checkout (git-ignored folders and build output left out). */
    static List<Path> readmes() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> {
                        String rel = ROOT.relativize(p).toString();
                        return !rel.startsWith(".") && !rel.contains("/.") && !PROJECT.isIgnored(rel)
                                && !rel.contains("node_modules/");
                    })
                    .sorted().toList();
        }
    }

    @Test
    void everyReadmeIsFound() throws IOException {
        List<String> found = readmes().stream().map(p -> ROOT.relativize(p).toString()).toList();
        assertThat(found).contains("README.md", "bench/README.md", "model-serving/bench/README.md",
                "report/README.md", "stack/README.md", "vm-ansible/README.md", "docs/runbooks/README.md");
        for (String m : PROJECT.modules) {
            assertThat(found).contains(m + "/README.md");
        }
    }

    @Test
    void everyCommandAReadmeShowsNamesWhatExistsWithFlagsItsProgramAccepts() throws IOException {
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (Path readme : readmes()) {
            String rel = ROOT.relativize(readme).toString();
            String text = Files.readString(readme);
            for (Shown shown : ReadmeCommands.commands(text)) {
                commands++;
                for (String problem : check(readme.getParent(), shown.text())) {
                    if (isShownRefusal(shown, problem)) {
                        continue;
                    }
                    problems.add(rel + ":" + shown.line() + ": `" + shown.text() + "`: " + problem);
                }
            }
            for (Shown shown : ReadmeCommands.paths(text)) {
                checkPath(ROOT, readme.getParent(), shown.text()).ifPresent(problem ->
                        problems.add(rel + ":" + shown.line() + ": `" + shown.text() + "`: " + problem));
            }
        }
        assertThat(commands).as("commands found in the READMEs").isGreaterThan(100);
        assertThat(problems).as("README commands that do not work as shown").isEmpty();
    }

    @Test
    void noReadmeStatesHowManyTestsThereAre() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path readme : readmes()) {
            String rel = ROOT.relativize(readme).toString();
            if (("/" + rel).contains("/bench/")) {
                continue; // measured figures, dated
            }
            String[] lines = Files.readString(readme).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = TEST_COUNT.matcher(lines[i]);
                if (m.find()) {
                    problems.add(rel + ":" + (i + 1) + ": \"" + m.group() + "\": a count of tests drifts; say what"
                            + " they check instead");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- the rule's own examples, so a change of the extraction shows here first

    @Test
    void extractionTakesShellBlocksCommandLinesOfPlainBlocksAndCommandSpans() {
        String md = String.join("\n",
                "Run `./run.sh --native` or `stack/up.sh` (`up.sh`), not `a.yml`; `LAB_X=1 sudo mvn -q package`.",
                "```bash",
                "umask 077   # a comment",
                "java -jar a.jar \\",
                "    --flag 1",
                "```",
                "```",
                "stack: services",
                "$ curl -s localhost:8000/health",
                "mvn verify",
                "```",
                "",
                "    ./demo.sh x   # indented block",
                "```yaml",
                "mvn: not a command here",
                "```");
        assertThat(ReadmeCommands.commands(md)).containsExactly(
                new Shown(1, "./run.sh --native"), new Shown(1, "stack/up.sh"),
                new Shown(1, "LAB_X=1 sudo mvn -q package"), new Shown(3, "umask 077"),
                new Shown(4, "java -jar a.jar      --flag 1"), new Shown(9, "curl -s localhost:8000/health", "mvn verify\n"),
                new Shown(10, "mvn verify"), new Shown(13, "./demo.sh x"));
        assertThat(Shell.commands("sudo a/b.sh /tmp/x && (cd vm && x -i 'a b' y.yml) ; z [--p 1 | --q]").stream()
                .map(Shell.Simple::words)).containsExactly(List.of("sudo", "a/b.sh", "/tmp/x"), List.of("cd", "vm"),
                        List.of("x", "-i", "a b", "y.yml"), List.of("z", "[--p", "1", "|", "--q]"));
    }

    @Test
    void aTestCountIsRecognisedAndOtherFiguresAreNot() {
        for (String count : List.of("runs 12 tests", "40 unit tests", "3 integration tests", "7 ITs",
                "promtool tests: 14")) {
            assertThat(TEST_COUNT.matcher(count).find()).as(count).isTrue();
        }
        for (String figure : List.of("5 s in the test", "1,000,000 its", "the fault tests' hosts", "tests on both")) {
            assertThat(TEST_COUNT.matcher(figure).find()).as(figure).isFalse();
        }
    }

    @Test
    void aWrongCommandIsReportedWithItsReason() {
        Path dir = ROOT;
        assertThat(check(dir, "mvn -pl no-such-module package")).anyMatch(p -> p.contains("no-such-module"));
        assertThat(check(dir, "mvn -pl settings test -Dtest=NoSuchTest")).anyMatch(p -> p.contains("NoSuchTest"));
        assertThat(check(dir, "mvn -pl stack -am test -Dtest=HaStackIT")).isNotEmpty();
        assertThat(check(dir, "mvn -pl stack -am test -Dit.test=HaStackIT -Dfailsafe.failIfNoSpecifiedTests=false"))
                .anyMatch(p -> p.contains("failsafe"));
        assertThat(check(dir, "model-serving/bench/bench.sh --roundz 3")).anyMatch(p -> p.contains("--roundz"));
        assertThat(check(dir, "stack/up.sh --native --no-such-flag")).anyMatch(p -> p.contains("--no-such-flag"));
        assertThat(check(dir, "java -jar modelmock/target/modelmock.jar --portz 1")).anyMatch(p -> p.contains("--portz"));
        assertThat(check(dir, "java -jar model-serving/target/model-serving.jar serv")).anyMatch(p -> p.contains("serv"));
        assertThat(check(dir, "java -jar modelmock/target/mock.jar")).isNotEmpty();
        assertThat(check(dir, "curl localhost:9999/metrics")).anyMatch(p -> p.contains("9999"));
        assertThat(check(dir, "mvn package -Dlab.no.such.key=1")).anyMatch(p -> p.contains("no.such.key"));
        assertThat(check(dir, "ansible-playbook -i x.ini vm-ansible/nope.yml")).isNotEmpty();
        assertThat(check(dir, "(cd vm-ansible && ansible-playbook -i x.ini site.yml) && ansible-playbook site.yml"))
                .containsExactly("site.yml: no such playbook (from the repository root)");
        assertThat(check(dir, "mvn -pl modelmock -am test -Dtest='ModelMock*' -Dsurefire.failIfNoSpecifiedTests=false"))
                .isEmpty();
        assertThat(check(dir, "java -jar model-serving/target/model-serving.jar traffic --scenario faulty --rate 20"))
                .isEmpty();
    }

    // ---- the checks

    /** A flag the README shows being refused ({@code $ cmd --bogus}, then "Unknown option: '--bogus'"). */
    private static boolean isShownRefusal(Shown shown, String problem) {
        String flag = problem.replaceFirst(":.*", "");
        return problem.startsWith("--") && shown.output().contains("Unknown option: '" + flag + "'");
    }

    List<String> check(Path readmeDir, String line) {
        List<String> problems = new ArrayList<>();
        Path cwd = ROOT;
        java.util.Deque<Path> subshells = new java.util.ArrayDeque<>();
        for (Shell.Simple simple : Shell.commands(line)) {
            for (int i = 0; i < simple.opens(); i++) {
                subshells.push(cwd);
            }
            cwd = check(cwd, readmeDir, simple.words(), problems);
            for (int i = 0; i < simple.closes() && !subshells.isEmpty(); i++) {
                cwd = subshells.pop();
            }
        }
        return problems;
    }

    /** Checks one simple command run in {@code cwd}; returns the folder the next one runs in. */
    private Path check(Path cwd, Path readmeDir, List<String> simple, List<String> problems) {
        List<String> words = new ArrayList<>(simple);
        while (!words.isEmpty() && (words.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*")
                || words.get(0).equals("sudo") || words.get(0).equals("exec"))) {
            String w = words.remove(0);
            labProperties(w, problems);
        }
        if (words.isEmpty()) {
            return cwd;
        }
        String command = words.get(0);
        List<String> args = words.subList(1, words.size());
        if (command.equals("cd")) {
            if (args.isEmpty()) {
                return cwd;
            }
            for (Path base : List.of(cwd, readmeDir)) {
                Path to = base.resolve(args.get(0)).normalize();
                if (to.startsWith(ROOT) && Files.isDirectory(to)) {
                    return to;
                }
            }
            problems.add("cd " + args.get(0) + ": no such folder");
            return cwd;
        }
        for (String w : words) {
            localPort(w, problems);
            labProperties(w, problems);
        }
        paths(cwd, readmeDir, words, problems);
        switch (command) {
            case "mvn" -> checkMaven(args, null, problems);
            case "java" -> checkJava(args, problems);
            case "docker" -> {
                if (!args.isEmpty() && args.get(0).equals("compose")) {
                    checkCompose(args.subList(1, args.size()), problems);
                }
            }
            case "docker-compose" -> checkCompose(args, problems);
            case "ansible-playbook" -> checkPlaybook(cwd, readmeDir, args, problems);
            default -> {
                if (command.contains("/") || command.endsWith(".sh")) {
                    checkScript(cwd, readmeDir, command, args, problems);
                }
            }
        }
        return cwd;
    }

    private void checkScript(Path cwd, Path readmeDir, String command, List<String> args, List<String> problems) {
        Optional<Path> found = resolve(cwd, readmeDir, command);
        if (found.isEmpty() || !Files.isRegularFile(found.get())) {
            problems.add(command + ": no such script (" + from(cwd, readmeDir) + ")");
            return;
        }
        Path script = found.get();
        String rel = ROOT.relativize(script).toString();
        if (!Files.isExecutable(script)) {
            problems.add(rel + " is not executable");
            return;
        }
        if (rel.equals("test.sh")) {
            checkMaven(args, "verify", problems);
            return;
        }
        List<String> own = args;
        List<String> launcher = List.of();
        if (LAUNCHER_SCRIPTS.contains(rel)) {
            int native_ = args.indexOf("--native");
            if (native_ >= 0) {
                own = args.subList(0, native_ + 1);
                launcher = args.subList(native_ + 1, args.size());
            } else if (rel.equals("run.sh") && args.contains("--ha")) {
                launcher = args;
                own = List.of();
            }
        }
        String help = scriptHelp(rel, problems);
        if (help == null) {
            return;
        }
        for (String flag : flags(own)) {
            if (!mentions(help, flag)) {
                problems.add(flag + ": not an option of " + rel + " (" + rel + " --help does not list it)");
            }
        }
        if (!launcher.isEmpty()) {
            checkMain(PROJECT.jars.get(LAUNCHER_JAR), LAUNCHER_JAR, launcher, problems);
        }
        if (rel.equals("stack/up.sh") && own.stream().noneMatch(a -> a.startsWith("-"))) {
            Set<String> services = PROJECT.composeServices();
            for (String a : own) {
                if (!services.contains(a)) {
                    problems.add(a + ": not a service of stack/docker-compose.yml " + services);
                }
            }
        }
    }

    private String scriptHelp(String rel, List<String> problems) {
        if (helps.containsKey(rel)) {
            return helps.get(rel);
        }
        String help = null;
        try {
            Path out = Files.createTempFile("help", ".txt");
            Process p = new ProcessBuilder(ROOT.resolve(rel).toString(), "--help").directory(ROOT.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                problems.add(rel + " --help did not end within 20 s");
            } else if (p.exitValue() != 0) {
                problems.add(rel + " --help exited " + p.exitValue() + " (it must print the usage and exit 0)");
            } else {
                help = Files.readString(out);
            }
            Files.delete(out);
        } catch (IOException e) {
            problems.add(rel + " --help could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        helps.put(rel, help);
        return help;
    }

    /**
     * {@code mvn} arguments: the phase {@code test.sh} adds is {@code impliedPhase}.
     */
    private void checkMaven(List<String> args, String impliedPhase, List<String> problems) {
        List<String> selected = new ArrayList<>();
        boolean alsoMake = false;
        Map<String, String> props = new LinkedHashMap<>();
        List<String> goals = new ArrayList<>();
        if (impliedPhase != null) {
            goals.add(impliedPhase);
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-pl") || a.equals("--projects")) {
                String list = i + 1 < args.size() ? args.get(++i) : "";
                selected.addAll(Arrays.asList(list.split(",")));
            } else if (a.equals("-am") || a.equals("--also-make")) {
                alsoMake = true;
            } else if (a.startsWith("-P")) {
                String list = a.equals("-P") ? (i + 1 < args.size() ? args.get(++i) : "") : a.substring(2);
                for (String profile : list.split(",")) {
                    String id = profile.replaceFirst("^[!-]", "");
                    if (!PROJECT.profiles.contains(id)) {
                        problems.add("-P " + id + ": no pom declares this profile");
                    }
                }
            } else if (a.equals("-D") && i + 1 < args.size()) {
                String kv = args.get(++i);
                props.put(kv.replaceFirst("=.*", ""), kv.contains("=") ? kv.substring(kv.indexOf('=') + 1) : "");
            } else if (a.startsWith("-D")) {
                String kv = a.substring(2);
                props.put(kv.replaceFirst("=.*", ""), kv.contains("=") ? kv.substring(kv.indexOf('=') + 1) : "");
            } else if (!a.startsWith("-") && !a.startsWith("[")) {
                goals.add(a);
            }
        }
        for (String m : selected) {
            String module = m.replaceFirst("^[:!-]", "");
            if (!PROJECT.modules.contains(module)) {
                problems.add("-pl " + module + ": not a module of the root pom " + PROJECT.modules);
            }
        }
        for (String goal : goals) {
            if (!PHASES.contains(goal) && !goal.equals("exec:java")) {
                problems.add(goal + ": not a lifecycle phase (or exec:java)");
            }
        }
        Set<String> reactor = PROJECT.reactor(selected, alsoMake);
        String lastPhase = goals.stream().filter(PHASES::contains).reduce((a, b) -> b).orElse("");
        if (props.containsKey("test")) {
            testPatterns("-Dtest", props.get("test"), reactor.stream().filter(PROJECT::hasTests).toList(),
                    props.getOrDefault("surefire.failIfNoSpecifiedTests", "true"),
                    "-Dsurefire.failIfNoSpecifiedTests=false", problems);
        }
        if (props.containsKey("it.test")) {
            if (!FAILSAFE_PHASES.contains(lastPhase)) {
                problems.add("-Dit.test needs a phase that runs failsafe (verify), not '" + lastPhase + "'");
            }
            String allowEmpty = props.getOrDefault("failsafe.failIfNoSpecifiedTests",
                    props.getOrDefault("it.failIfNoSpecifiedTests", "true"));
            testPatterns("-Dit.test", props.get("it.test"), reactor.stream().filter(PROJECT::runsFailsafe).toList(),
                    allowEmpty, "-Dfailsafe.failIfNoSpecifiedTests=false", problems);
        }
        if (goals.contains("exec:java")) {
            for (String module : selected) {
                Optional<String> main = PROJECT.modules.contains(module) ? PROJECT.execMainClass(module)
                        : Optional.empty();
                if (main.isEmpty()) {
                    problems.add("exec:java: " + module + "'s pom configures no exec-maven-plugin mainClass");
                } else if (props.containsKey("exec.args")) {
                    checkMain(main.get(), main.get(), Shell.words(props.get("exec.args")), problems);
                }
            }
        }
    }

    private void testPatterns(String flag, String value, List<String> modules, String failIfNone, String allow,
            List<String> problems) {
        boolean someModuleWithout = false;
        for (String pattern : value.split(",")) {
            String p = pattern.strip().replaceFirst("#.*", "");
            if (p.isEmpty() || p.startsWith("!")) {
                continue;
            }
            if (p.equals("none")) {
                someModuleWithout = true;
                continue;
            }
            Pattern regex = Pattern.compile(Arrays.stream(p.replaceFirst(".*\\.", "").split("\\*", -1))
                    .map(Pattern::quote).collect(Collectors.joining(".*")));
            List<String> with = modules.stream()
                    .filter(m -> PROJECT.testClasses(m).stream().anyMatch(c -> regex.matcher(c).matches())).toList();
            if (with.isEmpty()) {
                problems.add(flag + "=" + p + ": no test class of the modules built " + modules + " matches it");
            } else if (with.size() < modules.size()) {
                someModuleWithout = true;
            }
        }
        if (someModuleWithout && !failIfNone.equals("false")) {
            problems.add(flag + " names no test in some modules built " + modules + ": add " + allow
                    + " or Maven stops at the first of them");
        }
    }

    private void checkJava(List<String> args, List<String> problems) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-jar")) {
                if (i + 1 >= args.size()) {
                    return;
                }
                String jar = args.get(i + 1);
                if (!PROJECT.jars.containsKey(jar)) {
                    problems.add(jar + ": not a jar the build makes " + PROJECT.jars.keySet());
                    return;
                }
                checkMain(PROJECT.jars.get(jar), jar, args.subList(i + 2, args.size()), problems);
                return;
            }
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                i++;
            } else if (!a.startsWith("-")) {
                checkMain(a, a, args.subList(i + 1, args.size()), problems);
                return;
            }
        }
    }

    /**
     * Runs {@code mainClass [subcommand...] --help} in this JVM (the project's command lines are picocli commands run
     * by {@link Cli#run}) and checks that the subcommands exist and that the help lists each flag of {@code args}.
     */
    private void checkMain(String mainClass, String what, List<String> args, List<String> problems) {
        Object command;
        try {
            var constructor = Class.forName(mainClass).getDeclaredConstructor();
            constructor.setAccessible(true);
            command = constructor.newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            problems.add(what + ": its main class " + mainClass + " cannot be made here: " + e);
            return;
        }
        CommandLine cl = new CommandLine(command);
        List<String> path = new ArrayList<>();
        for (String a : args) {
            String word = a.replaceAll("[\\[\\]]", "");
            if (word.startsWith("-")) {
                break;
            }
            if (cl.getSubcommands().containsKey(word)) {
                cl = cl.getSubcommands().get(word);
                path.add(word);
            } else if (!cl.getSubcommands().isEmpty() && !isPlaceholder(word)) {
                problems.add(word + ": not a command of " + what + " " + cl.getSubcommands().keySet());
                return;
            } else {
                break;
            }
        }
        List<String> helpArgs = new ArrayList<>(path);
        helpArgs.add("--help");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(command, o, e, helpArgs.toArray(String[]::new));
        }
        String help = out.toString(StandardCharsets.UTF_8);
        String label = what + (path.isEmpty() ? "" : " " + String.join(" ", path));
        if (code != 0) {
            problems.add(label + " --help exited " + code + ": " + err.toString(StandardCharsets.UTF_8).strip());
            return;
        }
        for (String flag : flags(args)) {
            if (!mentions(help, flag)) {
                problems.add(flag + ": not an option of " + label + " (its --help does not list it)");
            }
        }
    }

    private void checkCompose(List<String> args, List<String> problems) {
        Set<String> withServices = Set.of("up", "stop", "start", "restart", "logs", "ps", "pull", "build", "rm");
        if (args.isEmpty() || !withServices.contains(args.get(0))) {
            return;
        }
        Set<String> services = PROJECT.composeServices();
        for (String a : args.subList(1, args.size())) {
            if (!a.startsWith("-") && !isPlaceholder(a) && !services.contains(a)) {
                problems.add(a + ": not a service of stack/docker-compose.yml " + services);
            }
        }
    }

    private void checkPlaybook(Path cwd, Path readmeDir, List<String> args, List<String> problems) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-i") || a.equals("-e") || a.equals("-l") || a.equals("--inventory")) {
                i++;
            } else if (!a.startsWith("-") && a.endsWith(".yml") && !isPlaceholder(a)
                    && resolve(cwd, readmeDir, a).isEmpty()) {
                problems.add(a + ": no such playbook (" + from(cwd, readmeDir) + ")");
            }
        }
    }

    /** Every word that is a path into the repository (its first part a top-level entry) must exist. */
    private void paths(Path cwd, Path readmeDir, List<String> words, List<String> problems) {
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (OUTPUT_FLAGS.contains(words.get(i - 1)) || words.get(i - 1).startsWith(">")) {
                continue;
            }
            if (w.startsWith("-") && w.contains("=")) {
                w = w.substring(w.indexOf('=') + 1);
                if (OUTPUT_FLAGS.contains(words.get(i).substring(0, words.get(i).indexOf('=')))) {
                    continue;
                }
            }
            checkPath(cwd, readmeDir, w.replaceAll("[\\[\\]]", "")).ifPresent(problems::add);
        }
    }

    private Optional<String> checkPath(Path cwd, Path readmeDir, String word) {
        if (!word.contains("/") || word.startsWith("/") || word.startsWith("~") || word.contains("://")
                || isPlaceholder(word) || word.matches(".*[<>{}*$…].*") || word.contains("...")
                || word.contains("#")) {
            return Optional.empty();
        }
        String first = word.replaceFirst("^\\./", "").split("/")[0];
        boolean intoRepo = Files.exists(cwd.resolve(first)) || Files.exists(readmeDir.resolve(first))
                || Files.exists(ROOT.resolve(first));
        if (!intoRepo || first.isEmpty() || first.equals("..") || first.equals(".")) {
            return Optional.empty();
        }
        for (Path base : List.of(cwd, readmeDir, ROOT)) {
            Path p = base.resolve(word).normalize();
            if (!p.startsWith(ROOT) || !Files.exists(base.resolve(first))) {
                continue;
            }
            String rel = ROOT.relativize(p).toString();
            if (PROJECT.isIgnored(rel)) {
                return rel.matches("[^/]+/target/[^/]+\\.jar") && !PROJECT.jars.containsKey(rel)
                        ? Optional.of(rel + ": not a jar the build makes " + PROJECT.jars.keySet())
                        : Optional.empty();
            }
            if (Files.exists(p)) {
                return Optional.empty();
            }
        }
        return Optional.of(word + ": no such file or folder (" + from(cwd, readmeDir) + ")");
    }

    /** Where a relative path was looked up, for a message. */
    private static String from(Path cwd, Path readmeDir) {
        String first = cwd.equals(ROOT) ? "the repository root" : ROOT.relativize(cwd) + "/";
        return "from " + first + (readmeDir.equals(cwd) ? "" : " or " + ROOT.relativize(readmeDir) + "/");
    }

    private static Optional<Path> resolve(Path cwd, Path readmeDir, String path) {
        for (Path base : List.of(cwd, readmeDir)) {
            Path p = base.resolve(path).normalize();
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static void localPort(String word, List<String> problems) {
        Matcher m = LOCAL_PORT.matcher(word);
        while (m.find()) {
            String port = m.group(1);
            boolean known = Arrays.stream(Setting.values())
                    .anyMatch(s -> s.key().endsWith("port") && s.defaultValue().equals(port));
            if (!known) {
                problems.add(m.group() + ": port " + port + " is no default port of the settings");
            }
        }
    }

    private static void labProperties(String word, List<String> problems) {
        Matcher m = LAB_PROPERTY.matcher(word);
        while (m.find()) {
            if (Setting.byKey(m.group(1)).isEmpty()) {
                problems.add("-Dlab." + m.group(1) + ": no such setting (settings/README.md lists them)");
            }
        }
    }

    /** The {@code --long} flags among the words (brackets of a usage synopsis and {@code =value} dropped). */
    static List<String> flags(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String word = w.replaceAll("[\\[\\]]", "");
            if (word.startsWith("--") && word.length() > 2) {
                out.add(word.replaceFirst("=.*", ""));
            }
        }
        return out;
    }

    private static boolean mentions(String help, String flag) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "(?![\\w-])").matcher(help).find();
    }

    private static boolean isPlaceholder(String word) {
        return word.startsWith("<") || word.equals("...") || word.equals("…") || word.matches("[A-Z][A-Z_]*");
    }

}
