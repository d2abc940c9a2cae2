package dev.monitoringlab.dashboards.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import dev.monitoringlab.dashboards.foundation.dashboard.Panel;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mirror is an import swap away from the real SDK: every public type, constructor, method and field of
 * {@code dev.monitoringlab.dashboards.foundation} has its line in the Java SDK's API list
 * ({@code ../shared/grafana-foundation-sdk-java/api.txt} from the repository's root) with the same signature
 * once {@code dev.monitoringlab.dashboards.foundation.} reads {@code com.grafana.foundation.}.
 */
class FoundationSdkNamesTest {
    private static final Path SOURCES = Path.of("src/main/java")
            .resolve(FoundationSdkNamesTest.class.getPackageName().replace('.', '/'));

    private static JavaSdkApi api;
    private static List<Class<?>> mirror;

    @BeforeAll
    static void load() throws IOException {
        api = JavaSdkApi.read(JavaSdkApi.locate());
        mirror = mirrorClasses();
    }

    /** Every top-level class compiled from the mirror's packages. */
    private static List<Class<?>> mirrorClasses() throws IOException {
        Path root = Path.of("target/classes");
        Path dir = root.resolve(FoundationSdkNamesTest.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return classes;
    }

    @Test
    void everyPublicTypeAndMemberOfTheMirrorIsTheJavaSdks() {
        List<String> problems = new ArrayList<>();
        int members = 0;
        for (Class<?> c : mirror) {
            if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                problems.addAll(JavaSdkNameCheck.problems(c, api));
                members += JavaSdkNameCheck.members(c, c.getSimpleName()).size();
            }
        }
        assertThat(problems).isEmpty();
        // Not vacuous: 50 types with some 240 declarations, constructors, methods and fields today.
        assertThat(mirror).hasSizeGreaterThanOrEqualTo(45);
        assertThat(members).isGreaterThanOrEqualTo(200);
    }

    @Test
    void everyMirroredFileSaysWhichCommitOfTheJavaSdkItMirrors() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String head = Files.readString(f);
                head = head.substring(0, head.indexOf("package "));
                if (!head.contains("Java") || !head.contains(api.commit)) {
                    missing.add(SOURCES.relativize(f).toString());
                }
            }
        }
        assertThat(missing).as("files whose header does not name the Java SDK at commit " + api.commit).isEmpty();
        assertThat(api.commit).matches("[0-9a-f]{40}");
    }

    /** What the check catches: a misnamed class or method, a primitive, a value where the SDK takes a builder. */
    @Test
    void reportsAMisnamedMethodAPrimitiveAndAValueWhereTheSdkTakesABuilder() {
        List<String> problems = JavaSdkNameCheck.problems(WrongPanelBuilder.class,
                "timeseries.TimeseriesPanelBuilder", api);
        assertThat(problems).hasSize(3)
                .anyMatch(p -> p.startsWith("timeseries.TimeseriesPanelBuilder.minimum:")
                        && p.contains("api.txt has no member of that name"))
                .anyMatch(p -> p.startsWith("timeseries.TimeseriesPanelBuilder.max: `public "
                        + "timeseries.TimeseriesPanelBuilder max(double)`") && p.contains("max(Double max)"))
                .anyMatch(p -> p.startsWith("timeseries.TimeseriesPanelBuilder.thresholds:")
                        && p.contains("thresholds(dashboard.ThresholdsConfig)")
                        && p.contains("thresholds(com.grafana.foundation.cog.Builder<ThresholdsConfig> thresholds)"));
        assertThat(JavaSdkNameCheck.problems(WrongPanelBuilder.class, "timeseries.PanelBuilder", api))
                .containsExactly("timeseries.PanelBuilder: no such type in the Java SDK (api.txt has no "
                        + "com.grafana.foundation.timeseries.PanelBuilder)");
    }

    @Test
    void reportsAFieldOfAnotherTypeAndAClassDeclaredOtherwise() {
        assertThat(JavaSdkNameCheck.problems(WrongDashboard.class, "dashboard.Dashboard", api))
                .anyMatch(p -> p.startsWith("dashboard.Dashboard.schemaVersion: `public Integer schemaVersion`")
                        && p.contains("public Short schemaVersion;"))
                .anyMatch(p -> p.startsWith("dashboard.Dashboard: `public final class Dashboard`")
                        && p.contains("public class Dashboard"))
                .hasSize(2);
    }

    /** api.txt writes types as the sources do; the few ambiguous simple names resolve as the sources import them. */
    @Test
    void resolvesTypeNamesAsTheSdksSourcesImportThem() {
        assertThat(api.canonical("timeseries", "public TimeseriesPanelBuilder datasource(DataSourceRef datasource)"))
                .isEqualTo("public com.grafana.foundation.timeseries.TimeseriesPanelBuilder "
                        + "datasource(com.grafana.foundation.common.DataSourceRef)");
        assertThat(api.canonical("dashboard", "public DataSourceRef datasource;"))
                .isEqualTo("public com.grafana.foundation.common.DataSourceRef datasource");
        assertThat(api.canonical("dashboard", "public List<Dataquery> targets;"))
                .isEqualTo("public List<com.grafana.foundation.cog.variants.Dataquery> targets");
        assertThat(api.canonical("prometheus", "public Dataquery build()"))
                .isEqualTo("public com.grafana.foundation.prometheus.Dataquery build()");
        assertThat(api.canonical("dashboard", "public AnnotationContainer(List<AnnotationQuery> list)"))
                .isEqualTo("public AnnotationContainer(List<com.grafana.foundation.dashboard.AnnotationQuery>)");
        assertThat(api.canonical("units", "public static final String Short = \"short\";"))
                .isEqualTo("public static final String Short = \"short\"");
        assertThat(api.canonical("dashboard", "public String toJSON() throws JsonProcessingException"))
                .isEqualTo("public String toJSON()");
        // Each name of the import table is really ambiguous in api.txt, so the table hides nothing.
        assertThat(api.ambiguousNames()).containsAll(JavaSdkApi.IMPORTS.keySet());
    }

    @Test
    void aMissingApiListFailsNamingWhereItBelongs() {
        assertThatThrownBy(() -> JavaSdkApi.read(Path.of("target/no-such-folder/api.txt")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("../shared/grafana-foundation-sdk-java/api.txt");
        assertThat(JavaSdkApi.locate()).endsWith(Path.of("shared/grafana-foundation-sdk-java/api.txt"));
    }

    /** Mistakes a hand-written mirror could make. */
    public static class WrongPanelBuilder implements Builder<Panel> {
        public WrongPanelBuilder() {
        }

        public WrongPanelBuilder minimum(Double min) {
            return this;
        }

        public WrongPanelBuilder max(double max) {
            return this;
        }

        public WrongPanelBuilder thresholds(ThresholdsConfig thresholds) {
            return this;
        }

        public WrongPanelBuilder unit(String unit) {
            return this;
        }

        @Override
        public Panel build() {
            return new Panel();
        }
    }

    /** A model whose field has another type than the SDK's. */
    public static final class WrongDashboard {
        public Integer schemaVersion;
        public String uid;
    }
}
