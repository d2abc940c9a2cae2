package dev.monitoringlab.report;

import dev.monitoringlab.rules.HostRules;
import dev.monitoringlab.rules.StoreModelRules;
import dev.monitoringlab.settings.AtomicFiles;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.PromDuration;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.AlertmanagerApi;
import dev.monitoringlab.stack.PrometheusApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Captures the lab's evidence from a running stack: the three charts, the CPU and store timelines, the targets'
 * health and the alert list, all under one folder, each file stamped with date, machine and time range.
 */
public final class EvidenceCommand {
    public static final String MODEL_CHART = "model-result.png";
    public static final String CPU_CHART = "cpu-stress.png";
    public static final String STORE_CHART = "store-success.png";
    public static final String SELF_CHART = "self-monitoring.png";
    /** Alerts that the store model's faulty traffic also sets off; listed under the store timeline. */
    static final List<String> STORE_DRIFT_ALERTS = List.of("StoreModelInputDrift", "StoreModelOutputDrift");

    private final MonitoringSettings settings;
    private final EvidenceOptions options;
    private final Machine machine;
    private final PrintWriter log;
    private final PrometheusApi prom;
    private final AlertmanagerApi am;

    public EvidenceCommand(MonitoringSettings settings, EvidenceOptions options, Machine machine, PrintWriter log) {
        this.settings = settings;
        this.options = options;
        this.machine = machine;
        this.log = log;
        this.prom = new PrometheusApi(options.prometheus());
        this.am = new AlertmanagerApi(options.alertmanager());
    }

    /** Thrown when the stack does not answer; the message is one line. */
    public static final class StackDownException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StackDownException(String message) {
            super(message);
        }
    }

    public List<Path> run() throws IOException {
        if (!prom.ready()) {
            throw new StackDownException("no Prometheus answering at " + options.prometheus()
                    + " (start the stack: ./run.sh, or stack/up.sh --native; or pass --prometheus URL)");
        }
        if (!am.ready()) {
            throw new StackDownException("no Alertmanager answering at " + options.alertmanager()
                    + " (start the stack: ./run.sh, or stack/up.sh --native; or pass --alertmanager URL)");
        }
        Instant now = Instant.now();
        List<WebhookMessage> messages = options.messages().isPresent()
                ? WebhookMessage.read(options.messages().get()) : List.of();
        List<Phase> phases = options.phases().isPresent() ? Phases.read(options.phases().get()) : List.of();
        Path out = options.out();
        List<Path> written = new ArrayList<>();

        written.add(AtomicFiles.write(out.resolve("targets.md"), header("Targets", now) + StackTables.targets(prom.targets(), now)));
        written.add(AtomicFiles.write(out.resolve("alerts.md"), header("Alerts", now)
                + StackTables.alerts(prom.alerts(), am.alerts(), now)));
        written.addAll(modelMock(now, messages));

        List<Phase> cpu = Phases.of(phases, "cpu");
        if (cpu.isEmpty()) {
            log.println("report: no 'cpu' phases (--phases), so no CPU chart and timeline");
        } else {
            double threshold = settings.hostCpuThresholdPercent();
            written.addAll(scenario(new Scenario("cpu", "HostHighCpuLoad", HostRules.cpuBusyPercent(settings, ""),
                    "CPU busy %", "CPU busy %", 0, 100, List.of(new Charts.Threshold(threshold, "threshold " + trim(threshold)
                    + " %")), CPU_CHART, List.of(), "CPU busy % during the lab's stress sequence (HostHighCpuLoad)",
                    "CPU load ran on: " + options.cpuSource() + "; " + nodeDescription()), cpu, messages, now));
        }
        List<Phase> store = Phases.of(phases, "store");
        if (store.isEmpty()) {
            log.println("report: no 'store' phases (--phases), so no store model chart and timeline");
        } else {
            double threshold = settings.storeSuccessThreshold() * 100;
            // the axis fits the data (a share under 55 % is not drawn against an empty 100 %)
            written.addAll(scenario(new Scenario("store", "StoreSuccessRateLow", StoreModelRules.successRatio(settings)
                    + " * 100", "successful predictions %", "successful predictions %", 0, Double.NaN,
                    List.of(new Charts.Threshold(threshold, "threshold " + trim(threshold) + " %")), STORE_CHART,
                    STORE_DRIFT_ALERTS, "Store model: share of 'successful' predictions, normal -> faulty -> normal traffic",
                    "traffic from model-serving's scenarios against the store model service on " + machine.hostname()),
                    store, messages, now));
        }
        List<Phase> self = Phases.of(phases, "self");
        if (self.isEmpty()) {
            log.println("report: no 'self' phases (--phases), so no self-monitoring chart and timeline");
        } else {
            // up is 1 or 0; TargetDown fires on up == 0 held for its 'for', so there is no threshold line to draw
            written.addAll(scenario(new Scenario("self", "TargetDown", "up{" + settings.selector(Setting.STORE_MODEL_SELECTOR)
                    + "}", "up (1 = scraped, 0 = down)", "up", 0, 1, List.of(), SELF_CHART, List.of(),
                    "Self-monitoring: the store model service stopped, then started again",
                    "the store model service on " + machine.hostname() + " killed and restarted; TargetDown (up == 0 for "
                            + settings.promDuration(Setting.TARGET_DOWN_FOR) + ") goes to the monitoring webhook"),
                    self, messages, now));
        }
        written.forEach(p -> log.println("report: wrote " + p));
        return written;
    }

    private List<Path> modelMock(Instant now, List<WebhookMessage> messages) throws IOException {
        Instant end = options.end().orElse(now);
        Instant start = end.minus(options.modelWindow());
        Duration step = step(start, end);
        String expr = Promql.series("model_result", settings.selector(Setting.MODEL_MOCK_SELECTOR));
        List<PrometheusApi.RangeSeries> series = prom.queryRange(expr, start, end, step);
        List<Interval> firing = firing("ModelMockHighAccuracy", start, end, step);
        double threshold = settings.modelMockThreshold();
        List<Charts.Line> lines = series.stream().map(s -> new Charts.Line("model_result " + s.labels().getOrDefault(
                "instance", ""), s.points())).toList();
        Charts.Spec spec = new Charts.Spec("model_result, last " + PromDuration.format(options.modelWindow())
                + " (Prometheus, scraped every " + settings.promDuration(Setting.SCRAPE_INTERVAL) + ")",
                List.of(range(start, end), "captured on " + machine.describe() + "; red band: ModelMockHighAccuracy firing ("
                        + firing.size() + " times)"), "model_result", lines, 0, 1,
                List.of(new Charts.Threshold(threshold, "threshold " + threshold)), List.of(),
                firing.stream().map(i -> new Charts.Band("", i)).toList(), start, end);
        List<Path> out = new ArrayList<>(chart(spec, MODEL_CHART));

        String window = options.modelWindow().toSeconds() + "s";
        String at = " @ " + end.getEpochSecond();
        long values = series.isEmpty() ? 0 : sum("count_over_time(" + expr + "[" + window + "]" + at + ")");
        // one subquery step per scrape, so each scraped value is looked at once
        long above = series.isEmpty() ? 0 : sum("count_over_time((" + expr + " > " + threshold + ")[" + window + ":"
                + settings.promDuration(Setting.SCRAPE_INTERVAL) + "]" + at + ")");
        long discord = firingMessages(messages, "discord", start, end);
        long telegram = firingMessages(messages, "telegram", start, end);
        out.add(AtomicFiles.write(options.out().resolve("model-mock-firing.md"), header("ModelMockHighAccuracy: how often it fired", now)
                + FiringModel.measuredTable(options.modelWindow(), values, above, firing.size(),
                options.messages().isPresent() ? discord : -1, options.messages().isPresent() ? telegram : -1,
                threshold, settings.scrapeInterval())
                + (series.isEmpty() ? "\nNo model_result series: is the mock running?\n" : "")));
        return out;
    }

    /**
     * One scenario's chart and timeline. {@code yMax} NaN fits the value axis to the data and thresholds;
     * {@code lineName} and the instance name each line.
     */
    record Scenario(String name, String alert, String expr, String yLabel, String lineName, double yMin, double yMax,
                    List<Charts.Threshold> thresholds, String chartFile, List<String> alsoListed, String title,
                    String source) {
    }

    private List<Path> scenario(Scenario sc, List<Phase> phases, List<WebhookMessage> messages, Instant now)
            throws IOException {
        Instant first = phases.stream().map(Phase::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = phases.stream().map(Phase::end).max(Comparator.naturalOrder()).orElseThrow();
        Instant start = first.minusSeconds(60);
        Instant end = last.plusSeconds(60).isAfter(now) ? now : last.plusSeconds(60);
        Duration step = step(start, end);
        List<PrometheusApi.RangeSeries> series = prom.queryRange(sc.expr(), start, end, step);
        List<Interval> firing = firing(sc.alert(), start, end, step);
        List<Charts.Line> lines = series.stream().map(s -> new Charts.Line(sc.lineName() + " " + s.labels().getOrDefault(
                "instance", ""), s.points())).toList();
        double yMax = Double.isNaN(sc.yMax()) ? Charts.dataTop(lines, sc.thresholds(), sc.yMin() + 1) : sc.yMax();
        Charts.Spec spec = new Charts.Spec(sc.title(), List.of(range(start, end), "captured on " + machine.describe(),
                sc.source(), "phases and firing windows: see the legend"), sc.yLabel(), lines, sc.yMin(), yMax,
                sc.thresholds(), phases.stream().map(p -> new Charts.Band(p.name(), new Interval(p.start(), p.end())))
                .toList(), firing.stream().map(i -> new Charts.Band(sc.alert(), i)).toList(), start, end);
        List<Path> out = new ArrayList<>(chart(spec, sc.chartFile()));
        AlertTimeline t = AlertTimeline.derive(sc.alert(), phases, firing, messages);
        out.add(AtomicFiles.write(options.out().resolve(sc.name() + "-timeline.md"), header(sc.alert() + " timeline", now)
                + "Chart " + range(start, end) + ". Prometheus times are to the query step (" + AlertTimeline.human(step)
                + "); notification times are when the local look-alike received them. " + sc.source() + ".\n\nExpression: `"
                + sc.expr() + "`\n\n" + t.toMarkdown() + "\nEvery phase as the lab expects: **"
                + (t.allAsExpected() ? "yes" : "no") + "**.\n"
                + alsoFiring(sc.alsoListed(), phases, messages, start, end, step)));
        return out;
    }

    /** The chart's PNG and, in raw/charts/, the data it was drawn from (for `report redraw`). */
    private List<Path> chart(Charts.Spec spec, String chartFile) throws IOException {
        return List.of(ChartData.write(spec, ChartData.fileFor(options.out(), chartFile)),
                Charts.write(spec, options.out().resolve(chartFile)));
    }

    /**
     * The firing windows of other alerts over the same range, one row per alert and label set, each dated from the
     * start of the phase it began in, with the messages about it; empty when {@code alerts} is.
     */
    private String alsoFiring(List<String> alerts, List<Phase> phases, List<WebhookMessage> messages, Instant start,
                              Instant end, Duration step) {
        if (alerts.isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        for (String alert : alerts) {
            for (PrometheusApi.RangeSeries s : prom.queryRange("ALERTS{alertname=\"" + alert
                    + "\", alertstate=\"firing\"}", start, end, step)) {
                List<Double> times = new ArrayList<>();
                s.points().forEach(p -> times.add(p[0]));
                String labels = s.labels().entrySet().stream()
                        .filter(e -> !List.of("__name__", "alertname", "alertstate", "job", "instance", "severity",
                                "component").contains(e.getKey()))
                        .map(e -> e.getKey() + "=" + e.getValue()).sorted().reduce((a, b) -> a + ", " + b).orElse("");
                for (Interval i : AlertIntervals.fromPoints(times, step.toSeconds(), end)) {
                    String after = phases.stream().filter(p -> p.contains(i.start())).findFirst()
                            .map(p -> "+" + AlertTimeline.human(Duration.between(p.start(), i.start())) + " after start "
                                    + p.name()).orElse("");
                    rows.add(List.of(alert, labels, Machine.stamp(i.start()), i.end() == null ? "still firing"
                            : Machine.stamp(i.end()), after));
                }
            }
        }
        long sent = messages.stream().filter(m -> alerts.stream().anyMatch(m::about) && m.firing()).count();
        String names = String.join(", ", alerts);
        return "\n## Other alerts in the same range: " + names + "\n\n"
                + (rows.isEmpty() ? "None of them fired.\n" : Markdown.table(List.of("alert", "labels", "firing from",
                "until", "when"), rows))
                + "\nFiring notifications about them received by the local webhooks: " + sent + ".\n";
    }

    private static long firingMessages(List<WebhookMessage> messages, String receiver, Instant start, Instant end) {
        return messages.stream().filter(m -> m.receiver().equals(receiver) && m.about("ModelMockHighAccuracy")
                && m.firing() && !m.receivedAt().isBefore(start) && !m.receivedAt().isAfter(end)).count();
    }

    private long sum(String expr) {
        return Math.round(prom.query("sum(" + expr + ")").stream().mapToDouble(PrometheusApi.Series::value).sum());
    }

    private List<Interval> firing(String alert, Instant start, Instant end, Duration step) {
        List<Double> times = new ArrayList<>();
        for (PrometheusApi.RangeSeries s : prom.queryRange("ALERTS{alertname=\"" + alert + "\", alertstate=\"firing\"}",
                start, end, step)) {
            s.points().forEach(p -> times.add(p[0]));
        }
        return AlertIntervals.fromPoints(times, step.toSeconds(), end);
    }

    private String nodeDescription() {
        List<PrometheusApi.Series> uname = prom.query("node_uname_info{" + settings.selector(Setting.NODE_SELECTOR) + "}");
        List<PrometheusApi.Series> cpus = prom.query("count by (instance) (node_cpu_seconds_total{"
                + settings.selector(Setting.NODE_SELECTOR) + ", mode=\"idle\"})");
        List<String> parts = new ArrayList<>();
        for (PrometheusApi.Series u : uname) {
            String instance = u.labels().getOrDefault("instance", "");
            long n = cpus.stream().filter(c -> instance.equals(c.labels().get("instance")))
                    .mapToLong(c -> Math.round(c.value())).findFirst().orElse(0);
            parts.add(instance + " = " + u.labels().getOrDefault("nodename", "?") + " (" + n + " CPUs, kernel "
                    + u.labels().getOrDefault("release", "?") + ")");
        }
        return parts.isEmpty() ? "no node exporter answered" : "node exporter " + String.join(", ", parts);
    }

    /** A 1 s step resolves the 5 s scrapes exactly; longer ranges stay under Prometheus's 11,000 points. */
    static Duration step(Instant start, Instant end) {
        long seconds = Duration.between(start, end).toSeconds();
        return Duration.ofSeconds(Math.max(1, (seconds + 9_999) / 10_000));
    }

    private String header(String title, Instant now) {
        return "# " + title + "\n\nCaptured " + Machine.stamp(now) + " on " + machine.describe() + " from Prometheus "
                + options.prometheus() + " and Alertmanager " + options.alertmanager() + ".\n\n";
    }

    private static String range(Instant start, Instant end) {
        return "range " + Machine.stamp(start) + " to " + Machine.stamp(end).replaceFirst("^\\d{4}-\\d{2}-\\d{2} ", "")
                + " (" + AlertTimeline.human(Duration.between(start, end)) + ")";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
