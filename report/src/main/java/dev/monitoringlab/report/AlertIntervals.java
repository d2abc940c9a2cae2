package dev.monitoringlab.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the samples of an {@code ALERTS{alertname="X", alertstate="firing"}} range query into firing intervals.
 * Prometheus writes that series at every evaluation while the alert fires and a staleness marker when it stops,
 * so a range query returns points exactly while it fired; a gap longer than one step ends an interval.
 */
public final class AlertIntervals {
    private AlertIntervals() {
    }

    /**
     * @param times      unix seconds of the returned points, all series merged
     * @param stepSec    the query step
     * @param queryEnd   end of the query: an interval still running there has a null end
     */
    public static List<Interval> fromPoints(List<Double> times, double stepSec, Instant queryEnd) {
        List<Double> sorted = times.stream().distinct().sorted().toList();
        List<Interval> out = new ArrayList<>();
        if (sorted.isEmpty()) {
            return out;
        }
        double start = sorted.get(0);
        double prev = start;
        for (int i = 1; i < sorted.size(); i++) {
            double t = sorted.get(i);
            if (t - prev > stepSec * 1.5) {
                out.add(new Interval(at(start), at(prev + stepSec)));
                start = t;
            }
            prev = t;
        }
        Instant end = at(prev + stepSec);
        out.add(new Interval(at(start), end.isAfter(queryEnd) ? null : end));
        return out;
    }

    static Instant at(double unixSeconds) {
        return Instant.ofEpochMilli(Math.round(unixSeconds * 1000));
    }
}
