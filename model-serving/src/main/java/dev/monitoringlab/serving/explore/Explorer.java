package dev.monitoringlab.serving.explore;

import dev.monitoringlab.serving.data.DatasetCsv;
import dev.monitoringlab.serving.data.StoreRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** The workshop's data exploration: {@code df.describe()} and one histogram per column. */
public final class Explorer {
    private Explorer() {
    }

    /** Returns the describe() table and writes {@code <column>.png} into {@code chartDir}; returns the PNGs. */
    public static Result explore(Path csv, Path chartDir) throws IOException {
        List<StoreRecord> records = DatasetCsv.read(csv);
        Map<String, Describe> stats = new LinkedHashMap<>();
        List<Path> pngs = new ArrayList<>();
        for (Map.Entry<String, ToIntFunction<StoreRecord>> c : columns().entrySet()) {
            double[] values = records.stream().mapToDouble(r -> c.getValue().applyAsInt(r)).toArray();
            stats.put(c.getKey(), Describe.of(values));
            Path png = chartDir.resolve(c.getKey() + ".png");
            HistogramChart.writePng(c.getKey(), values, png);
            pngs.add(png);
        }
        return new Result(Describe.table(stats), stats, pngs);
    }

    /** The dataset's columns, in the order they are described and charted. */
    static Map<String, ToIntFunction<StoreRecord>> columns() {
        Map<String, ToIntFunction<StoreRecord>> columns = new LinkedHashMap<>();
        columns.put("items_count", StoreRecord::itemsCount);
        columns.put("customers_count", StoreRecord::customersCount);
        columns.put("label", StoreRecord::label);
        return columns;
    }

    public record Result(String table, Map<String, Describe> stats, List<Path> charts) {
    }
}
