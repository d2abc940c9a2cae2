package dev.monitoringlab.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** settings/README.md lists every setting as Setting.java declares it; a new or changed setting shows up there. */
class SettingsReadmeTest {
    static final String START = "<!-- settings table: generated from Setting.java, checked by SettingsReadmeTest -->";
    static final String END = "<!-- end of settings table -->";

    /** The table as the README must hold it. */
    static String table() {
        StringBuilder sb = new StringBuilder("| key | default | kind | drives |\n|---|---|---|---|\n");
        for (Setting s : Setting.values()) {
            String kind = s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            String dflt = s.defaultValue().isEmpty() ? "(empty)" : "`" + s.defaultValue() + "`";
            sb.append("| `").append(s.key()).append("` | ").append(dflt).append(" | ").append(kind).append(" | ")
                    .append(s.drives().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void theReadmeTableListsEverySettingWithItsDefaultKindAndWhatItDrives() throws IOException {
        Path readme = ProjectLayout.locate().root().resolve("settings/README.md");
        String text = Files.readString(readme);
        assertThat(text).contains(START, END);
        String inReadme = text.substring(text.indexOf(START) + START.length(), text.indexOf(END)).strip() + "\n";
        assertThat(inReadme).as("settings/README.md is out of step with Setting.java; put this table between the"
                + " two markers:\n%s", table()).isEqualTo(table());
    }

    @Test
    void theReadmeNamesEverySecretsVariableAndFile() throws IOException {
        String text = Files.readString(ProjectLayout.locate().root().resolve("settings/README.md"));
        for (Setting s : Secrets.SETTINGS) {
            assertThat(text).contains(Secrets.environmentVariable(s), Secrets.environmentVariable(s).toLowerCase(Locale.ROOT));
        }
    }
}
