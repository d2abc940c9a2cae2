package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertIntervalsTest {
    private static List<Double> seconds(double from, double to) {
        List<Double> out = new ArrayList<>();
        for (double t = from; t <= to; t++) {
            out.add(t);
        }
        return out;
    }

    @Test
    void aGapLongerThanAStepEndsAnInterval() {
        List<Double> points = new ArrayList<>(seconds(100, 109));
        points.addAll(seconds(130, 134));
        List<Interval> out = AlertIntervals.fromPoints(points, 1, Instant.ofEpochSecond(200));
        assertThat(out).containsExactly(
                new Interval(Instant.ofEpochSecond(100), Instant.ofEpochSecond(110)),
                new Interval(Instant.ofEpochSecond(130), Instant.ofEpochSecond(135)));
    }

    @Test
    void anIntervalRunningAtTheEndOfTheQueryIsOpen() {
        List<Interval> out = AlertIntervals.fromPoints(seconds(190, 200), 1, Instant.ofEpochSecond(200));
        assertThat(out).singleElement().satisfies(i -> assertThat(i.end()).isNull());
    }

    @Test
    void pointsOfSeveralSeriesAreMergedAndNoPointsMeanNoInterval() {
        List<Double> points = new ArrayList<>(seconds(10, 14));
        points.addAll(seconds(12, 16));
        assertThat(AlertIntervals.fromPoints(points, 1, Instant.ofEpochSecond(100)))
                .containsExactly(new Interval(Instant.ofEpochSecond(10), Instant.ofEpochSecond(17)));
        assertThat(AlertIntervals.fromPoints(List.of(), 1, Instant.ofEpochSecond(100))).isEmpty();
    }
}
