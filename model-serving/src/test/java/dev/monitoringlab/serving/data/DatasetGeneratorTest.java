package dev.monitoringlab.serving.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {

    @Test
    void sameSeedGivesTheSameRowsAndAnotherSeedDifferentOnes() {
        assertThat(DatasetGenerator.generate(7, 500)).isEqualTo(DatasetGenerator.generate(7, 500));
        assertThat(DatasetGenerator.generate(7, 500)).isNotEqualTo(DatasetGenerator.generate(8, 500));
    }

    @Test
    void inputsStayInTheWorkshopTrainingRangesAndSpreadOverThem() {
        List<StoreRecord> rows = DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, 5000);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.itemsCount()).isBetween(1000, 2750);
            assertThat(r.customersCount()).isBetween(200, 1600);
            assertThat(r.label()).isIn(0, 1);
        });
        // every bucket between two training quantiles holds roughly its share (1/7 of the rows)
        for (int lo = 1000; lo < 2750; lo += 250) {
            int from = lo;
            long n = rows.stream().filter(r -> r.itemsCount() >= from && r.itemsCount() < from + 250).count();
            assertThat(n).as("items in [%d, %d)", from, from + 250).isBetween(550L, 880L);
        }
    }

    @Test
    void labelDependsOnBothInputs() {
        List<StoreRecord> rows = DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED, 5000);
        double all = share(rows);
        assertThat(all).isBetween(0.3, 0.5);
        assertThat(share(rows.stream().filter(r -> r.customersCount() > 1250).toList())).isGreaterThan(0.75);
        assertThat(share(rows.stream().filter(r -> r.customersCount() < 550).toList())).isLessThan(0.1);
        assertThat(share(rows.stream().filter(r -> r.itemsCount() > 2300).toList()))
                .isGreaterThan(share(rows.stream().filter(r -> r.itemsCount() < 1450).toList()) + 0.2);
        // noise: the label is not a deterministic function of the inputs
        assertThat(share(rows.stream().filter(r -> r.customersCount() > 1000 && r.customersCount() < 1100).toList()))
                .isBetween(0.2, 0.9);
    }

    @Test
    void csvRoundTripsAndNamesTheBadLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("stores_dataset.csv");
        List<StoreRecord> rows = DatasetGenerator.generate(3, 50);
        DatasetCsv.write(rows, csv);
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("items_count,customers_count,label");
        assertThat(DatasetCsv.read(csv)).isEqualTo(rows);
        assertThat(DatasetCsv.sha256(csv)).hasSize(64).isEqualTo(DatasetCsv.sha256(csv));
        assertThat(dir.toFile().list()).containsExactly("stores_dataset.csv"); // no temp file left behind

        Files.writeString(csv, "items_count,customers_count,label\n1000,200,1\n1000,abc,0\n");
        assertThatThrownBy(() -> DatasetCsv.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
        Files.writeString(csv, "a,b,c\n");
        assertThatThrownBy(() -> DatasetCsv.read(csv)).hasMessageContaining("first line");
    }

    private static double share(List<StoreRecord> rows) {
        return rows.stream().mapToInt(StoreRecord::label).average().orElseThrow();
    }
}
