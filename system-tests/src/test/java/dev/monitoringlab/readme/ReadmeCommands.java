package dev.monitoringlab.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands a README shows, and the repository paths it names. The rule:
 * <ul>
 *   <li>every line of a {@code ```bash}, {@code ```sh} or {@code ```shell} block is a command (comments and blank
 *       lines aside; a line ending in {@code \} continues on the next);</li>
 *   <li>a line of a plain {@code ```} or {@code ```console} block, or of an indented (4 spaces) block, is a command
 *       when it starts with {@code $ } or with a command word; other lines there are output;</li>
 *   <li>an inline {@code `code`} span is a command when it starts with a command word;</li>
 *   <li>a command word is the first word after any {@code VAR=value} assignments, {@code sudo} and {@code (}: one of
 *       {@link #COMMAND_WORDS}, a word starting with {@code ./}, or a word ending in {@code .sh};</li>
 *   <li>an inline span that is one word with a {@code /} is a path the README names ({@link #paths}), unless the
 *       text before it on its line says the reader creates, writes, copies or makes it;</li>
 *   <li>a script's bare file name in a span ({@code `up.sh`}) names the script in prose and is not a command.</li>
 * </ul>
 */
final class ReadmeCommands {
    /** The tools whose commands are checked (the project's own scripts are recognised by their path). */
    static final Set<String> COMMAND_WORDS = Set.of("mvn", "java", "curl", "docker", "docker-compose", "promtool",
            "amtool", "ansible", "ansible-playbook", "ansible-lint", "ansible-galaxy", "ansible-inventory", "vagrant",
            "kubectl", "helm", "cd");

    private static final Set<String> SHELL_BLOCKS = Set.of("bash", "sh", "shell");
    private static final Set<String> MIXED_BLOCKS = Set.of("", "console");
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    /** Words before a path on its line that say the reader makes it (their own model's folder, say). */
    private static final Pattern READER_MAKES = Pattern.compile("(?i)\\b(create|write|copy|make)\\b");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

    /**
     * A command as the README shows it, at its first line; {@code output}: the lines a block shows after a
     * {@code $ } command (what it answers), else empty.
     */
    record Shown(int line, String text, String output) {
        Shown(int line, String text) {
            this(line, text, "");
        }
    }

    private ReadmeCommands() {
    }

    static List<Shown> commands(String markdown) {
        List<Shown> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        boolean indentedBlock = false;
        boolean previousBlank = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = fence == null ? trimmed.substring(3).strip().toLowerCase(java.util.Locale.ROOT) : null;
                previousBlank = false;
                indentedBlock = false;
                continue;
            }
            if (fence != null) {
                if (!SHELL_BLOCKS.contains(fence) && !MIXED_BLOCKS.contains(fence)) {
                    continue;
                }
                int first = i;
                StringBuilder joined = new StringBuilder();
                String part = line;
                while (part.stripTrailing().endsWith("\\") && i + 1 < lines.length) {
                    String kept = part.stripTrailing();
                    joined.append(kept, 0, kept.length() - 1).append(' ');
                    part = lines[++i];
                }
                joined.append(part);
                String command = withoutComment(joined.toString()).strip();
                if (command.isEmpty()) {
                    continue;
                }
                if (SHELL_BLOCKS.contains(fence)) {
                    out.add(new Shown(first + 1, stripPrompt(command)));
                } else if (command.startsWith("$ ")) {
                    StringBuilder answer = new StringBuilder();
                    for (int j = i + 1; j < lines.length && !lines[j].strip().startsWith("$ ")
                            && !lines[j].strip().startsWith("```"); j++) {
                        answer.append(lines[j]).append('\n');
                    }
                    out.add(new Shown(first + 1, stripPrompt(command), answer.toString()));
                } else if (startsWithCommandWord(command)) {
                    out.add(new Shown(first + 1, stripPrompt(command)));
                }
                continue;
            }
            boolean indented = line.startsWith("    ") && !trimmed.isEmpty();
            if (indented && (previousBlank || indentedBlock)) {
                indentedBlock = true;
                String command = withoutComment(trimmed).strip();
                if (command.startsWith("$ ") || startsWithCommandWord(command)) {
                    out.add(new Shown(i + 1, stripPrompt(command)));
                }
                previousBlank = false;
                continue;
            }
            indentedBlock = indentedBlock && trimmed.isEmpty();
            previousBlank = trimmed.isEmpty();
            Matcher m = SPAN.matcher(line);
            while (m.find()) {
                String span = m.group(1).strip();
                // a script's bare file name in prose (`up.sh`) names it; it is not a command line
                boolean bareName = !span.contains(" ") && !span.contains("/");
                if (startsWithCommandWord(span) && !bareName) {
                    out.add(new Shown(i + 1, span));
                }
            }
        }
        return out;
    }

    /** Inline spans that are one word with a slash, as (line, text). */
    static List<Shown> paths(String markdown) {
        List<Shown> out = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher m = SPAN.matcher(lines[i]);
            while (m.find()) {
                String span = m.group(1).strip();
                if (!span.contains(" ") && span.contains("/") && !startsWithCommandWord(span)
                        && !READER_MAKES.matcher(lines[i].substring(0, m.start())).find()) {
                    out.add(new Shown(i + 1, span));
                }
            }
        }
        return out;
    }

    static boolean startsWithCommandWord(String text) {
        List<String> words = Shell.words(stripPrompt(text));
        for (String w : words) {
            String word = w.startsWith("(") ? w.substring(1) : w;
            if (ASSIGNMENT.matcher(word).matches() || word.equals("sudo") || word.isEmpty()) {
                continue;
            }
            return COMMAND_WORDS.contains(word) || word.startsWith("./") || word.endsWith(".sh");
        }
        return false;
    }

    private static String stripPrompt(String command) {
        return command.startsWith("$ ") ? command.substring(2).strip() : command;
    }

    /** The line up to an unquoted {@code #} that starts a word. */
    static String withoutComment(String line) {
        int[] cut = {line.length()};
        scan(line, (i, c, quoteMark, quoted) -> {
            if (!quoteMark && !quoted && c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                cut[0] = i;
                return false;
            }
            return true;
        });
        return line.substring(0, cut[0]);
    }

    /** What {@link #scan} tells of each character; returns whether to go on. */
    private interface Visitor {
        boolean visit(int index, char c, boolean quoteMark, boolean quoted);
    }

    /** Visits each character of the line, saying whether it opens or closes a quote, or lies inside one. */
    private static void scan(String line, Visitor visitor) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean quoteMark = quote == 0 ? c == '\'' || c == '"' : c == quote;
            boolean quoted = quote != 0 && !quoteMark;
            if (quoteMark) {
                quote = quote == 0 ? c : 0;
            }
            if (!visitor.visit(i, c, quoteMark, quoted)) {
                return;
            }
        }
    }

    /** Words of a command line as the shell splits them (quotes removed), and its separate commands. */
    static final class Shell {
        private Shell() {
        }

        static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean[] inWord = {false};
            scan(line, (i, c, quoteMark, quoted) -> {
                if (quoteMark) {
                    inWord[0] = true;
                } else if (!quoted && Character.isWhitespace(c)) {
                    if (inWord[0]) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord[0] = false;
                    }
                } else {
                    word.append(c);
                    inWord[0] = true;
                }
                return true;
            });
            if (inWord[0]) {
                words.add(word.toString());
            }
            return words;
        }

        /**
         * The simple commands of a line: split at {@code &&}, {@code ||}, {@code ;} and {@code |} (a {@code |}
         * inside {@code [...]} is a usage synopsis's "or", not a pipe); a word's leading {@code (} and trailing
         * {@code )} (a subshell) are dropped.
         */
        static List<Simple> commands(String line) {
            List<Simple> out = new ArrayList<>();
            List<String> current = new ArrayList<>();
            int brackets = 0;
            int opens = 0;
            int closes = 0;
            for (String w : words(line)) {
                String word = w;
                while (word.startsWith("(")) {
                    word = word.substring(1);
                    opens++;
                }
                while (word.endsWith(")") && !word.contains("(")) {
                    word = word.substring(0, word.length() - 1);
                    closes++;
                }
                brackets += count(word, '[') - count(word, ']');
                boolean separator = word.equals("&&") || word.equals("||") || word.equals(";")
                        || (word.equals("|") && brackets <= 0);
                boolean ends = !separator && word.endsWith(";");
                if (ends) {
                    word = word.substring(0, word.length() - 1);
                }
                if (!separator && !word.isEmpty()) {
                    current.add(word);
                }
                if (separator || ends) {
                    if (!current.isEmpty()) {
                        out.add(new Simple(current, opens, closes));
                    }
                    current = new ArrayList<>();
                    opens = 0;
                    closes = 0;
                }
            }
            if (!current.isEmpty()) {
                out.add(new Simple(current, opens, closes));
            }
            return out;
        }

        /** A simple command; {@code opens}/{@code closes}: subshells it begins with and ends (parentheses). */
        record Simple(List<String> words, int opens, int closes) {
        }

        private static int count(String s, char c) {
            return (int) s.chars().filter(ch -> ch == c).count();
        }
    }
}
