package dev.monitoringlab.dashboards.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.monitoringlab.dashboards.foundation.cog.Builder;
import dev.monitoringlab.dashboards.foundation.common.VisibilityMode;
import dev.monitoringlab.dashboards.foundation.dashboard.Panel;
import dev.monitoringlab.dashboards.foundation.dashboard.ThresholdsConfig;
import dev.monitoringlab.dashboards.foundation.units.Constants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mirror's names are the SDK's: every class, builder method, constructor, enum value and unit constant of
 * {@code dev.monitoringlab.dashboards.foundation} is compared with the type declarations of the SDK's TypeScript
 * flavour ({@code @grafana/grafana-foundation-sdk} on npm, generated from the same schemas by the same generator),
 * fetched by {@code fetch-sdk-types.sh} before the tests run.
 */
class FoundationSdkNamesTest {
    static final Path DIST = Path.of("target/foundation-sdk-ts/node_modules/@grafana/grafana-foundation-sdk/dist");

    private static final Map<String, SdkDeclarations> MODULES = new HashMap<>();
    private static List<Class<?>> mirror;

    @BeforeAll
    static void load() throws IOException {
        if (!Files.isDirectory(DIST)) {
            fail("the Foundation SDK's TypeScript declarations are missing (" + DIST.toAbsolutePath() + "): run "
                    + "dashboards-as-code/fetch-sdk-types.sh, which needs the Debian packages nodejs and npm "
                    + "(mvn test runs it)");
        }
        mirror = mirrorClasses();
    }

    static SdkDeclarations ts(String module) {
        return MODULES.computeIfAbsent(module, m -> SdkDeclarations.read(DIST, m));
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

    private static String key(Class<?> c) {
        return SdkNameCheck.javaModule(c) + "." + c.getSimpleName();
    }

    @Test
    void everyBuilderClassAndMethodExistsInTheTypeScriptFlavour() {
        List<String> problems = new ArrayList<>();
        int builders = 0;
        int methods = 0;
        for (Class<?> c : mirror) {
            if (SdkNameCheck.isBuilder(c) && !SdkNameCheck.JAVA_ONLY.containsKey(key(c))) {
                problems.addAll(SdkNameCheck.builderProblems(c, c.getSimpleName(), ts(SdkNameCheck.tsModule(c))));
                builders++;
                methods += SdkNameCheck.publicMethods(c).size();
            }
        }
        assertThat(problems).isEmpty();
        // Not vacuous: 10 builders with 72 methods today (the Java-only time builder aside).
        assertThat(builders).isGreaterThanOrEqualTo(10);
        assertThat(methods).isGreaterThanOrEqualTo(70);
    }

    @Test
    void everyEnumValueIsTheSdks() {
        List<String> problems = new ArrayList<>();
        int enums = 0;
        for (Class<?> c : mirror) {
            if (c.isEnum()) {
                problems.addAll(SdkNameCheck.enumProblems(c, ts(SdkNameCheck.tsModule(c))));
                enums++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(enums).isGreaterThanOrEqualTo(13);
    }

    @Test
    void everyUnitConstantIsTheSdks() {
        assertThat(SdkNameCheck.constantProblems(Constants.class, ts("units"))).isEmpty();
    }

    @Test
    void everyModelTypeExistsInItsModuleButTheJavaOnlyOnes() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : mirror) {
            boolean model = !c.isEnum() && !SdkNameCheck.isBuilder(c) && c != Constants.class;
            SdkDeclarations ts = ts(SdkNameCheck.tsModule(c));
            if (model && !SdkNameCheck.JAVA_ONLY.containsKey(key(c))
                    && !ts.types.contains(c.getSimpleName()) && !ts.classes.containsKey(c.getSimpleName())) {
                missing.add(key(c));
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The list of Java-only names cannot hide a real mismatch: none of them is declared in TypeScript. */
    @Test
    void theJavaOnlyNamesAreReallyAbsentFromTheTypeScriptFlavour() {
        for (String name : SdkNameCheck.JAVA_ONLY.keySet()) {
            String module = name.substring(0, name.indexOf('.'));
            String simple = name.substring(name.lastIndexOf('.') + 1);
            SdkDeclarations ts = ts(module);
            assertThat(ts.types).as(name).doesNotContain(simple);
            assertThat(ts.classes).as(name).doesNotContainKey(simple);
            assertThat(mirror).extracting(FoundationSdkNamesTest::key).as("still in the mirror").contains(name);
        }
    }

    /** What the check catches: a renamed method, a primitive parameter, a value where the SDK takes a builder. */
    @Test
    void reportsAMisnamedMethodAPrimitiveAndAValueWhereTheSdkTakesABuilder() {
        List<String> problems = SdkNameCheck.builderProblems(WrongPanelBuilder.class, "PanelBuilder", ts("timeseries"));
        assertThat(problems).anyMatch(p -> p.startsWith("timeseries.PanelBuilder.minimum()") && p.contains("no such"))
                .anyMatch(p -> p.startsWith("timeseries.PanelBuilder.max()") && p.contains("primitive double"))
                .anyMatch(p -> p.startsWith("timeseries.PanelBuilder.thresholds()")
                        && p.contains("ThresholdsConfig, TypeScript has cog.Builder<dashboard.ThresholdsConfig>"))
                .anyMatch(p -> p.startsWith("timeseries.PanelBuilder.showPoints()") && p.contains("String"))
                .hasSize(4);
        assertThat(SdkNameCheck.builderProblems(WrongPanelBuilder.class, "TimeseriesPanelBuilder", ts("timeseries")))
                .containsExactly("timeseries.TimeseriesPanelBuilder: no such class in the TypeScript flavour");
    }

    @Test
    void reportsAnEnumValueThatIsNotTheSdks() {
        assertThat(SdkNameCheck.enumProblems(VisibilityMode.class, ts("common"))).isEmpty();
        assertThat(SdkNameCheck.enumProblems(Wrong.VisibilityMode.class, ts("common")))
                .containsExactly("common.VisibilityMode.AUTO: value automatic, TypeScript has auto");
        assertThat(SdkNameCheck.enumProblems(VisibilityMode.class, ts("dashboard")))
                .containsExactly("dashboard.VisibilityMode: no such enum in the TypeScript flavour");
        assertThat(SdkNameCheck.upperSnake("LineAndArea")).isEqualTo("LINE_AND_AREA");
    }

    /** Mistakes a hand-written mirror could make. */
    static final class WrongPanelBuilder implements Builder<Panel> {
        public WrongPanelBuilder minimum(Double min) {
            return this;
        }

        public WrongPanelBuilder max(double max) {
            return this;
        }

        public WrongPanelBuilder thresholds(ThresholdsConfig thresholds) {
            return this;
        }

        public WrongPanelBuilder showPoints(String mode) {
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

    static final class Wrong {
        /** Named as in the SDK (common.VisibilityMode) but with a value it does not have. */
        enum VisibilityMode {
            AUTO;

            public String Value() {
                return "automatic";
            }
        }
    }
}
