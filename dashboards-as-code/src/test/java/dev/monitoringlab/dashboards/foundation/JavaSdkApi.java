package dev.monitoringlab.dashboards.foundation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java SDK's public API as {@code api.txt} lists it: one line per type, constructor, method or constant,
 * {@code com.grafana.foundation.<package>.<Type>: <declaration as written>}, the commit in the header. Each
 * declaration is brought to the canonical form {@link JavaSdkNameCheck} renders the mirror in: parameter names,
 * {@code throws} clauses and the trailing {@code ;} dropped, SDK types fully qualified, other types as written
 * ({@code String}, {@code List<...>}, {@code Double}).
 */
final class JavaSdkApi {
    static final String SDK_PREFIX = "com.grafana.foundation.";
    /** Where api.txt is, relative to the repository's root (the folder next to the checkout). */
    static final String RELATIVE_PATH = "../shared/grafana-foundation-sdk-java/api.txt";

    /**
     * Simple names the SDK's sources import where api.txt alone is ambiguous (read from the sources at the
     * commit): every generated file that takes a {@code DataSourceRef} imports {@code common.DataSourceRef}, even
     * in the package dashboard, whose own {@code dashboard.DataSourceRef} is a subclass kept for older code; every
     * file outside prometheus that names a {@code Dataquery} means the {@code cog.variants.Dataquery} marker.
     */
    static final Map<String, String> IMPORTS = Map.of(
            "DataSourceRef", "common.DataSourceRef",
            "Dataquery", "cog.variants.Dataquery");
    /** ...except in the package of the type itself, and in prometheus, whose files mean prometheus.Dataquery. */
    private static final Set<String> OWN = Set.of("common.DataSourceRef", "cog.variants.Dataquery",
            "prometheus.Dataquery");

    private static final Pattern LINE = Pattern.compile("(com\\.grafana\\.foundation\\.[\\w.]+): (.+)");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("((?:\\w+ )*)(class|interface|enum) (\\w+)(.*)");
    private static final Pattern COMMIT = Pattern.compile("commit ([0-9a-f]{40})");
    private static final Pattern TYPE_TOKEN = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*");

    final String commit;
    /** Declarations as written, by the SDK type (fully qualified) they belong to, in api.txt's order. */
    private final Map<String, List<String>> declarations = new LinkedHashMap<>();
    /** Every SDK type's fully qualified names by simple name. */
    private final Map<String, List<String>> typesBySimpleName = new LinkedHashMap<>();

    private JavaSdkApi(List<String> lines) {
        String found = null;
        for (String line : lines) {
            if (line.startsWith("#")) {
                Matcher c = COMMIT.matcher(line);
                if (found == null && c.find()) {
                    found = c.group(1);
                }
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!line.isBlank() && !m.matches()) {
                throw new IllegalArgumentException("api.txt: not a 'com.grafana.foundation.<Type>: <declaration>' line: "
                        + line);
            }
            if (m.matches()) {
                declarations.computeIfAbsent(m.group(1), t -> new ArrayList<>()).add(m.group(2).strip());
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("api.txt: no 'commit <40 hex digits>' in its header lines");
        }
        this.commit = found;
        for (String type : declarations.keySet()) {
            typesBySimpleName.computeIfAbsent(simpleName(type), s -> new ArrayList<>()).add(type);
        }
    }

    static JavaSdkApi parse(List<String> lines) {
        return new JavaSdkApi(lines);
    }

    /** api.txt, found from the module's folder; a missing file is an error that names where it belongs. */
    static Path locate() {
        Path moduleDir = Path.of("").toAbsolutePath();
        return moduleDir.getParent().resolve(RELATIVE_PATH).normalize();
    }

    static JavaSdkApi read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("the Java SDK's API list is missing: " + RELATIVE_PATH
                    + " (from the repository's root; looked for " + file + "). The name check compares the "
                    + "Foundation SDK mirror with it; see dashboards-as-code/README.md");
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
    }

    boolean hasType(String sdkType) {
        return declarations.containsKey(sdkType);
    }

    /** A type's declarations as written in api.txt. */
    List<String> declared(String sdkType) {
        return declarations.getOrDefault(sdkType, List.of());
    }

    /** A type's declarations in canonical form; a line whose types cannot be resolved is an error naming it. */
    Set<String> canonical(String sdkType) {
        Set<String> out = new LinkedHashSet<>();
        String pkg = packageOf(sdkType);
        for (String d : declared(sdkType)) {
            out.add(canonical(pkg, d));
        }
        // A class that declares no constructor has Java's default one, which api.txt (declarations only) omits.
        String simple = simpleName(sdkType);
        boolean isClass = declared(sdkType).stream().anyMatch(d -> d.matches("(\\w+ )*class " + simple + "\\b.*"));
        if (isClass && declared(sdkType).stream().noneMatch(d -> d.matches("(\\w+ )*" + simple + "\\(.*"))) {
            out.add("public " + simple + "()");
        }
        return out;
    }

    /** One declaration of a type of the SDK package {@code pkg} ("dashboard", "cog.variants") in canonical form. */
    String canonical(String pkg, String declaration) {
        String d = declaration.strip();
        if (d.endsWith(";")) {
            d = d.substring(0, d.length() - 1).strip();
        }
        d = d.replaceAll("\\s+throws\\s+[\\w.,\\s]+$", "");
        Matcher type = TYPE_DECLARATION.matcher(d);
        if (type.matches()) {
            Set<String> modifiers = Set.of(type.group(1).strip().split(" "));
            StringBuilder s = new StringBuilder("public ");
            if (type.group(2).equals("class")) {
                s.append(modifiers.contains("abstract") ? "abstract " : "").append(modifiers.contains("final") ? "final " : "");
            }
            String rest = type.group(4);
            return s.append(type.group(2)).append(' ').append(type.group(3))
                    .append(rest.startsWith(" ") ? " " : "").append(resolve(pkg, rest)).toString();
        }
        int eq = d.indexOf(" = ");
        int paren = d.indexOf('(');
        if (paren >= 0 && (eq < 0 || paren < eq)) {
            String head = d.substring(0, paren).strip();
            String params = d.substring(paren + 1, d.lastIndexOf(')'));
            List<String> words = splitWords(head);
            String name = words.remove(words.size() - 1);
            boolean isStatic = words.remove("static");
            words.removeAll(List.of("public", "abstract", "final", "default", "synchronized", "native"));
            StringBuilder s = new StringBuilder("public ").append(isStatic ? "static " : "");
            if (!words.isEmpty()) {
                s.append(resolve(pkg, String.join(" ", words))).append(' ');
            }
            List<String> types = new ArrayList<>();
            for (String p : splitTopLevel(params)) {
                types.add(resolve(pkg, p.substring(0, p.lastIndexOf(' ')).strip()));
            }
            return s.append(name).append('(').append(String.join(",", types)).append(')').toString();
        }
        String init = eq >= 0 ? d.substring(eq + 3).strip() : null;
        List<String> words = splitWords(eq >= 0 ? d.substring(0, eq) : d);
        String name = words.remove(words.size() - 1);
        boolean isStatic = words.remove("static");
        boolean isFinal = words.remove("final");
        words.removeAll(List.of("public", "transient", "volatile"));
        return field(isStatic, isFinal, resolve(pkg, String.join(" ", words)), name, init);
    }

    /** The canonical form of a field: a String constant keeps its value, other initializers are dropped. */
    static String field(boolean isStatic, boolean isFinal, String type, String name, String initializer) {
        StringBuilder s = new StringBuilder("public ").append(isStatic ? "static " : "").append(isFinal ? "final " : "")
                .append(type).append(' ').append(name);
        if (isStatic && isFinal && initializer != null && initializer.matches("\"(?:[^\"\\\\]|\\\\.)*\"")) {
            s.append(" = ").append(initializer);
        }
        return s.toString();
    }

    /** Each SDK type name in {@code text} fully qualified, as the SDK's source files of {@code pkg} mean it. */
    String resolve(String pkg, String text) {
        Matcher m = TYPE_TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String resolved = token.contains(".") || !typesBySimpleName.containsKey(token) ? token : qualify(pkg, token);
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s*,\\s*", ",").strip();
    }

    private String qualify(String pkg, String simple) {
        if (OWN.contains(pkg + "." + simple)) {
            return SDK_PREFIX + pkg + "." + simple;
        }
        if (IMPORTS.containsKey(simple)) {
            return SDK_PREFIX + IMPORTS.get(simple);
        }
        List<String> candidates = typesBySimpleName.get(simple);
        String own = SDK_PREFIX + pkg + "." + simple;
        if (candidates.contains(own)) {
            return own;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new IllegalStateException("api.txt names " + simple + " in package " + pkg + ", which may be any of "
                + candidates + ": say in JavaSdkApi.IMPORTS which one the SDK's sources import");
    }

    /** Simple names api.txt declares in more than one package. */
    Set<String> ambiguousNames() {
        Set<String> out = new LinkedHashSet<>();
        typesBySimpleName.forEach((simple, types) -> {
            if (types.size() > 1) {
                out.add(simple);
            }
        });
        return out;
    }

    static String packageOf(String sdkType) {
        return sdkType.substring(SDK_PREFIX.length(), sdkType.lastIndexOf('.'));
    }

    static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Words of a declaration head, a generic type staying one word ({@code Map<String, Object>}). */
    private static List<String> splitWords(String head) {
        List<String> words = new ArrayList<>();
        int depth = 0;
        StringBuilder w = new StringBuilder();
        for (char ch : head.strip().toCharArray()) {
            depth += ch == '<' ? 1 : ch == '>' ? -1 : 0;
            if (ch == ' ' && depth == 0) {
                if (w.length() > 0) {
                    words.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(ch);
            }
        }
        if (w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }

    /** Parameters split at the commas outside type arguments. */
    private static List<String> splitTopLevel(String params) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < params.length(); i++) {
            char ch = params.charAt(i);
            depth += ch == '<' ? 1 : ch == '>' ? -1 : 0;
            if (ch == ',' && depth == 0) {
                out.add(params.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!params.isBlank()) {
            out.add(params.substring(start).strip());
        }
        return out;
    }
}
