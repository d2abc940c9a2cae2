package dev.monitoringlab.settings;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every value the generated configs, dashboards and launchers use, with its default and what it drives.
 * Override any of them without touching Java: in {@code stack/settings.properties} (key = value) or as a
 * system property with the {@code lab.} prefix ({@code mvn package -Dlab.model-mock.threshold=0.8}).
 */
public enum Setting {
    // --- Prometheus ---------------------------------------------------------------------------------
    SCRAPE_INTERVAL("prometheus.scrape-interval", "5s", Kind.POSITIVE_DURATION,
            "prometheus.yml global.scrape_interval; Grafana datasource timeInterval"),
    EVALUATION_INTERVAL("prometheus.evaluation-interval", "5s", Kind.POSITIVE_DURATION,
            "prometheus.yml global.evaluation_interval: how often every alert rule is evaluated"),
    PROMETHEUS_PORT("prometheus.port", "9090", Kind.PORT,
            "Prometheus web/API port (native launcher, compose, Grafana datasource URL)"),
    ALERTMANAGER_PORT("alertmanager.port", "9093", Kind.PORT,
            "Alertmanager web/API port; prometheus.yml alerting target is localhost:<this>"),
    GRAFANA_PORT("grafana.port", "3000", Kind.PORT, "Grafana web port (compose)"),
    // A restart must not reset a pending alert's 'for' (HostHighCpuLoad would wait 3m again). Prometheus
    // restores the pending state only of rules whose 'for' is at least the grace period, so it stays at or
    // below the shortest 'for' worth keeping (1m: StoreSuccessRateLow, TargetDown; 3m: HostHighCpuLoad), and
    // long enough for a few scrapes and evaluations after the restart before a restored alert may fire.
    PROMETHEUS_FOR_GRACE_PERIOD("prometheus.for-grace-period", "1m", Kind.POSITIVE_DURATION,
            "Prometheus --rules.alert.for-grace-period (native launcher, compose): pending 'for' state is restored"
                    + " after a restart for rules whose 'for' is at least this; the least time a restored alert waits"),
    PROMETHEUS_FOR_OUTAGE_TOLERANCE("prometheus.for-outage-tolerance", "10m", Kind.POSITIVE_DURATION,
            "Prometheus --rules.alert.for-outage-tolerance (native launcher, compose): after a longer outage"
                    + " pending alerts start their 'for' from zero (a restart takes seconds; 10m is an incident)"),

    // --- Kubernetes (kubernetes-as-code: Prometheus Operator resources for kube-prometheus-stack) ------
    KUBERNETES_NAMESPACE("kubernetes.namespace", "monitoring", Kind.KUBERNETES_NAME,
            "namespace of every generated Kubernetes object; the AlertmanagerConfig's Secret must live there too"),
    KUBERNETES_RELEASE_LABEL("kubernetes.release-label", "kube-prometheus-stack", Kind.KUBERNETES_LABEL_VALUE,
            "label release=<this> on every object: the Helm release name kube-prometheus-stack selects rules by"),
    KUBERNETES_WEBHOOK_SECRET("kubernetes.webhook-secret", "alertmanager-webhooks", Kind.KUBERNETES_NAME,
            "Secret the AlertmanagerConfig reads webhook URLs and tokens from, one key per stack/secrets/ file"),

    // --- scrape targets -----------------------------------------------------------------------------
    MODEL_MOCK_PORT("model-mock.port", "9000", Kind.PORT,
            "the model mock's /metrics port (launcher); scrape job model_mock targets localhost:<this>"),
    NODE_TARGETS("targets.node", "localhost:9100", Kind.HOST_PORT_LIST,
            "scrape job node: plain-HTTP node exporters, comma-separated, may be empty; the inventory adds its own"),
    NODE_EXPORTER_PORT("node-exporter.port", "9100", Kind.PORT,
            "port of the local node exporter the native launcher starts with --with-node-exporter"),
    STORE_MODEL_PORT("store-model.port", "8000", Kind.PORT,
            "the store model service's HTTP port; scrape job store_model targets localhost:<this>"),
    CADVISOR_TARGETS("targets.cadvisor", "localhost:8080", Kind.HOST_PORT_LIST,
            "scrape job cadvisor: cAdvisor's container metrics (compose profile cadvisor), comma-separated"),
    CADVISOR_ENABLED("cadvisor.enabled", "false", Kind.BOOLEAN,
            "true: prometheus.yml has the cadvisor scrape job and compose starts the cadvisor profile"),
    STORE_MODEL_TRAFFIC_RATE("store-model.traffic-rate", "1", Kind.NON_NEGATIVE_NUMBER,
            "requests per second of steady 'normal' traffic the launcher sends to the store model; 0: none"),
    NODE_TLS_USERNAME("node-tls.username", "prometheus", Kind.NAME,
            "scrape job node_tls (the inventory's secure hosts, vm-ansible): basic_auth.username"),
    NODE_TLS_PASSWORD_FILE("node-tls.password-file", "secrets/node_exporter/password", Kind.PATH,
            "scrape job node_tls: basic_auth.password_file (relative to stack/), created by the playbook, mode 0600"),
    NODE_TLS_CA_FILE("node-tls.ca-file", "secrets/node_exporter/ca.crt", Kind.PATH,
            "scrape job node_tls: tls_config.ca_file (relative to stack/), the CA the playbook signs hosts with"),

    // --- selectors: which series each alert and panel looks at ----------------------------------------
    MODEL_MOCK_SELECTOR("selectors.model-mock", "", Kind.SELECTOR,
            "label matchers for model_result (ModelMockHighAccuracy, Model mock dashboard); empty, as in the lab"),
    NODE_SELECTOR("selectors.node", "job=\"node\"", Kind.SELECTOR,
            "label matchers for node exporter series (HostHighCpuLoad, Host dashboard)"),
    STORE_MODEL_SELECTOR("selectors.store-model", "job=\"store_model\"", Kind.SELECTOR,
            "label matchers for the store model service's series (StoreSuccessRateLow, Store model dashboard)"),

    // --- alert: ModelMockHighAccuracy (lab 7.4) -----------------------------------------------------
    MODEL_MOCK_THRESHOLD("model-mock.threshold", "0.75", Kind.RATIO,
            "ModelMockHighAccuracy fires when model_result > this; red line on the Model mock dashboard"),
    MODEL_MOCK_FOR("model-mock.for", "0s", Kind.DURATION,
            "ModelMockHighAccuracy 'for': how long model_result must stay above the threshold"),

    // --- alert: HostHighCpuLoad (lab 7.5.2) ---------------------------------------------------------
    HOST_CPU_THRESHOLD_PERCENT("host-cpu.threshold-percent", "90", Kind.PERCENT,
            "HostHighCpuLoad fires when CPU busy % is above this; red line on the Host dashboard CPU panel"),
    HOST_CPU_FOR("host-cpu.for", "3m", Kind.POSITIVE_DURATION,
            "HostHighCpuLoad 'for': how long the CPU must stay busy before the alert fires"),
    HOST_CPU_RATE_WINDOW("host-cpu.rate-window", "15s", Kind.POSITIVE_DURATION,
            "rate() window of CPU busy % in HostHighCpuLoad and the Host dashboard: shorter reacts faster, noisier"),

    // --- alert: StoreSuccessRateLow (workshop) ------------------------------------------------------
    STORE_SUCCESS_THRESHOLD("store.success-threshold", "0.20", Kind.RATIO,
            "StoreSuccessRateLow fires when the share of successful predictions is below this; red line at it"),
    STORE_SUCCESS_WINDOW("store.success-window", "1m", Kind.POSITIVE_DURATION,
            "StoreSuccessRateLow: the window over which the share of successful predictions is computed"),
    STORE_SUCCESS_FOR("store.success-for", "1m", Kind.DURATION,
            "StoreSuccessRateLow 'for': how long the share must stay below the threshold"),
    STORE_NO_PREDICTIONS_FOR("store.no-predictions-for", "10m", Kind.POSITIVE_DURATION,
            "StoreModelNoPredictions 'for': how long the service may be up without a single prediction"),

    // --- alerts about the monitoring itself: TargetDown, ModelMockResultMissing, Watchdog -------------
    TARGET_DOWN_FOR("target-down.for", "1m", Kind.POSITIVE_DURATION,
            "TargetDown 'for': how long a scrape target (any job) must stay down (up == 0) before the alert fires"),
    METRIC_MISSING_FOR("metric-missing.for", "5m", Kind.POSITIVE_DURATION,
            "ModelMockResultMissing 'for': how long the mock may answer scrapes without the model_result series"),
    MODEL_MOCK_FROZEN_WINDOW("model-mock.frozen-window", "30s", Kind.POSITIVE_DURATION,
            "ModelMockResultFrozen: model_result_updates_total must grow within this window (the mock updates every 5 s)"),
    MODEL_MOCK_FROZEN_FOR("model-mock.frozen-for", "1m", Kind.DURATION,
            "ModelMockResultFrozen 'for': how long the counter may stand still while the mock is up"),
    RUNBOOKS_BASE_URL("runbooks.base-url", "docs/runbooks", Kind.URL_OR_PATH,
            "every alert's runbook_url is <this>/<AlertName>.md; a repository-relative path or an http(s) URL"),

    // --- alerts: StoreModelInputDrift, StoreModelOutputDrift (model monitoring) -----------------------
    STORE_DRIFT_WINDOW("store.drift.window", "5m", Kind.POSITIVE_DURATION,
            "the store model service's drift window: how much recent traffic the PSI scores compare with training"),
    STORE_DRIFT_MIN_RECORDS("store.drift.min-records", "200", Kind.COUNT,
            "StoreModelInputDrift/OutputDrift judge only when the drift window holds at least this many predictions"),
    STORE_DRIFT_THRESHOLD("store.drift.psi-threshold", "0.25", Kind.RATIO,
            "StoreModelInputDrift/OutputDrift fire when a PSI is above this (0.25: significant); line on the drift panels"),
    STORE_DRIFT_FOR("store.drift.for", "1m", Kind.DURATION,
            "StoreModelInputDrift/OutputDrift 'for': how long the PSI must stay above the threshold"),

    STORE_DRIFT_MODERATE("store.drift.psi-moderate", "0.1", Kind.RATIO,
            "the drift panels' yellow line: a PSI above this is a moderate shift (watched, not alerted)"),

    // --- delayed ground truth: POST /feedback, alert StoreModelAccuracyLow ---------------------------
    STORE_FEEDBACK_RETENTION("store.feedback.retention", "1h", Kind.POSITIVE_DURATION,
            "the store model service keeps each prediction this long for POST /feedback; later labels get a 410"),
    STORE_FEEDBACK_CAPACITY("store.feedback.capacity", "200000", Kind.COUNT,
            "at most this many predictions await their label (about 17 bytes each); the oldest give way first"),
    STORE_REPOSITORY_POLL_INTERVAL("store.repository.poll-interval", "2s", Kind.POSITIVE_DURATION,
            "how often the store model service looks for new model versions in its repository (--poll-interval overrides)"),
    STORE_ACCURACY_MARGIN("store.accuracy.margin", "0.10", Kind.RATIO,
            "StoreModelAccuracyLow fires when labelled accuracy is below the served model's held-out accuracy minus this"),
    STORE_ACCURACY_WINDOW("store.accuracy.window", "30m", Kind.POSITIVE_DURATION,
            "StoreModelAccuracyLow and the accuracy panel: the window over which labelled predictions are counted"),
    STORE_ACCURACY_MIN_LABELS("store.accuracy.min-labels", "200", Kind.COUNT,
            "StoreModelAccuracyLow judges only when the window holds at least this many labelled predictions"),
    STORE_ACCURACY_FOR("store.accuracy.for", "5m", Kind.DURATION,
            "StoreModelAccuracyLow 'for': how long the accuracy must stay below its threshold"),

    // --- service level objectives of the store model: burn-rate alerts ------------------------------
    STORE_SLO_PERIOD("store.slo.period", "28d", Kind.POSITIVE_DURATION,
            "the SLO period: error budget remaining on the SLO dashboard is counted over it"),
    STORE_SLO_AVAILABILITY("store.slo.availability-objective", "0.995", Kind.OBJECTIVE,
            "StoreModelAvailabilityBudgetBurn: share of /predict requests answered without a server error (5xx)"),
    STORE_SLO_LATENCY("store.slo.latency-objective", "0.99", Kind.OBJECTIVE,
            "StoreModelLatencyBudgetBurn: share of /predict requests answered within store.slo.latency-threshold"),
    STORE_SLO_LATENCY_THRESHOLD("store.slo.latency-threshold", "25ms", Kind.POSITIVE_DURATION,
            "StoreModelLatencyBudgetBurn: the latency SLO's bound; the service adds it to its latency buckets"),

    // --- Alertmanager route (lab 7.4.5) -------------------------------------------------------------
    GROUP_BY("alertmanager.group-by", "...", Kind.LABEL_LIST,
            "route group_by: labels that put alerts in one notification; '...' groups by every label"),
    GROUP_WAIT("alertmanager.group-wait", "0s", Kind.DURATION,
            "route group_wait: wait before the first notification of a new group"),
    GROUP_INTERVAL("alertmanager.group-interval", "1s", Kind.POSITIVE_DURATION,
            "route group_interval: wait before notifying about changes to a group already notified"),
    REPEAT_INTERVAL("alertmanager.repeat-interval", "1h", Kind.POSITIVE_DURATION,
            "route repeat_interval: wait before re-sending a notification that has not changed"),
    HEARTBEAT_REPEAT_INTERVAL("alertmanager.heartbeat-repeat-interval", "1m", Kind.POSITIVE_DURATION,
            "repeat_interval of the Watchdog route: how often the heartbeat webhook is called while all is well"),

    // --- receivers: URLs are secrets, so they are normally read from stack/secrets/ or the env -----
    DISCORD_WEBHOOK_URL("discord.webhook-url", "", Kind.OPTIONAL_URL,
            "Discord webhook; empty: env DISCORD_WEBHOOK_URL, else the file stack/secrets/discord_webhook_url"),
    SLACK_WEBHOOK_URL("slack.webhook-url", "", Kind.OPTIONAL_URL,
            "Slack incoming webhook; empty: env SLACK_WEBHOOK_URL, else the file stack/secrets/slack_webhook_url"),
    TELEGRAM_API_URL("telegram.api-url", "https://api.telegram.org", Kind.OPTIONAL_URL,
            "Telegram Bot API base URL, the second receiver beside Discord (a local look-alike in tests)"),
    TELEGRAM_BOT_TOKEN("telegram.bot-token", "", Kind.OPTIONAL_TELEGRAM_TOKEN,
            "Telegram bot token; empty: env TELEGRAM_BOT_TOKEN, else the file stack/secrets/telegram_bot_token"),
    TELEGRAM_CHAT_ID("telegram.chat-id", "", Kind.OPTIONAL_CHAT_ID,
            "Telegram chat id the bot posts to; empty: env TELEGRAM_CHAT_ID, else the file stack/secrets/telegram_chat_id"),
    HEARTBEAT_WEBHOOK_URL("heartbeat.webhook-url", "", Kind.OPTIONAL_URL,
            "dead man's switch called with the Watchdog alert; empty: env HEARTBEAT_WEBHOOK_URL, else the file"
                    + " stack/secrets/heartbeat_webhook_url; none: the heartbeat goes nowhere"),
    MONITORING_WEBHOOK_URL("monitoring.webhook-url", "", Kind.OPTIONAL_URL,
            "webhook for TargetDown and the other alerts about the monitoring (component monitoring); empty: env"
                    + " MONITORING_WEBHOOK_URL, else the file stack/secrets/monitoring_webhook_url; none: seen in Alertmanager only"),

    // --- high availability: two Prometheus replicas, an Alertmanager pair, VictoriaMetrics (run.sh --ha) ----
    HA_ENABLED("ha.enabled", "false", Kind.BOOLEAN,
            "true: compose starts profile ha (second Prometheus and Alertmanager, VictoriaMetrics) and Grafana"
                    + " queries VictoriaMetrics; the native launcher does the same with --ha"),
    HA_PROMETHEUS_PORT_B("ha.prometheus-b.port", "9092", Kind.PORT,
            "web/API port of the second Prometheus replica (replica=\"b\"); the first uses prometheus.port"),
    HA_ALERTMANAGER_PORT_B("ha.alertmanager-b.port", "9095", Kind.PORT,
            "web/API port of the second Alertmanager; both are in every replica's alerting.alertmanagers"),
    HA_ALERTMANAGER_CLUSTER_PORT("ha.alertmanager.cluster-port", "9094", Kind.PORT,
            "gossip port of the first Alertmanager (--cluster.listen-address); the second joins it there"),
    HA_ALERTMANAGER_CLUSTER_PORT_B("ha.alertmanager-b.cluster-port", "9096", Kind.PORT,
            "gossip port of the second Alertmanager"),
    HA_ALERTMANAGER_PEER_TIMEOUT("ha.alertmanager.peer-timeout", "500ms", Kind.POSITIVE_DURATION,
            "Alertmanager --cluster.peer-timeout: how long the second peer waits for the first's notification to be"
                    + " gossiped before it sends one itself; shorter than alertmanager.group-interval"),
    VICTORIA_METRICS_PORT("victoria-metrics.port", "8428", Kind.PORT,
            "VictoriaMetrics' HTTP port: remote_write target of both replicas and Grafana's datasource in HA"),
    VICTORIA_METRICS_RETENTION("victoria-metrics.retention", "30d", Kind.RETENTION,
            "VictoriaMetrics -retentionPeriod: how long the long-term store keeps samples (at least 1d)"),

    // --- native launcher: a process that dies is started again, like compose's restart: unless-stopped ----
    LAUNCHER_RESTART_BACKOFF("launcher.restart-backoff", "1s", Kind.POSITIVE_DURATION,
            "native launcher: wait before starting a dead process again; doubles with each death in the window"),
    LAUNCHER_RESTART_BACKOFF_MAX("launcher.restart-backoff-max", "30s", Kind.POSITIVE_DURATION,
            "native launcher: the longest wait before a restart, however often the process died"),
    LAUNCHER_GIVE_UP_DEATHS("launcher.give-up-deaths", "5", Kind.POSITIVE_COUNT,
            "native launcher: a process that dies this many times within launcher.give-up-window is given up on"
                    + " (the single stack then stops; the highly available one keeps the rest running)"),
    LAUNCHER_GIVE_UP_WINDOW("launcher.give-up-window", "5m", Kind.POSITIVE_DURATION,
            "native launcher: the window in which launcher.give-up-deaths deaths make it give up on a process"),

    // --- docker compose: what the stack exposes beyond this machine ----------------------------------
    COMPOSE_OPEN_PORTS("compose.open-ports", "false", Kind.BOOLEAN,
            "false: compose publishes every port on 127.0.0.1 and the host-network services (Prometheus, Grafana,"
                    + " node exporter) listen there; true: on all interfaces (0.0.0.0), reachable from the network"),
    PROMETHEUS_LIFECYCLE_API("prometheus.lifecycle-api", "false", Kind.BOOLEAN,
            "true: Prometheus runs with --web.enable-lifecycle (POST /-/reload and /-/quit, no password); false:"
                    + " --no-web.enable-lifecycle (compose)"),
    NODE_EXPORTER_RSLAVE("compose.node-exporter-rslave", "false", Kind.BOOLEAN,
            "true: compose mounts the host's / into the node exporter with rslave propagation (sees mounts made"
                    + " later; fails where / is a private mount); false: a plain read-only mount");

    /** How a value is checked and parsed: each kind carries its own check. */
    public enum Kind {
        /** A DNS-1123 label, what Kubernetes accepts as an object name. */
        KUBERNETES_NAME(value -> {
            if (!value.trim().matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw new IllegalArgumentException("is not a Kubernetes name (DNS-1123 label: at most 63 lower-case"
                        + " letters, digits and '-', starting and ending with a letter or digit)");
            }
        }),
        KUBERNETES_LABEL_VALUE(value -> {
            if (!value.trim().matches("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?")) {
                throw new IllegalArgumentException("is not a Kubernetes label value (at most 63 letters, digits,"
                        + " '-', '_' and '.', starting and ending with a letter or digit)");
            }
        }),
        SELECTOR(value -> {
            String matcher = "[a-zA-Z_][a-zA-Z0-9_]*\\s*(=|!=|=~|!~)\\s*\"[^\"]*\"";
            if (!value.isBlank() && !value.trim().matches(matcher + "(\\s*,\\s*" + matcher + ")*")) {
                throw new IllegalArgumentException("is not a list of label matchers like job=\"node\"");
            }
        }),
        DURATION(PromDuration::parse),
        POSITIVE_DURATION(value -> {
            if (PromDuration.parse(value).isZero()) {
                throw new IllegalArgumentException("must be longer than 0s");
            }
        }),
        PORT(value -> {
            int port = parseNumber(value).intValue();
            if (port < 1 || port > 65535 || !value.trim().matches("\\d+")) {
                throw new IllegalArgumentException("'" + value + "' is not a port number 1-65535");
            }
        }),
        RATIO(value -> inRange(value, 0, 1)),
        PERCENT(value -> inRange(value, 0, 100)),
        HOST_PORT_LIST(value -> eachOf(value, "[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}", "is not host:port")),
        LABEL_LIST(value -> eachOf(value, "[a-zA-Z_][a-zA-Z0-9_]*|\\.\\.\\.", "is not a label name")),
        OPTIONAL_URL(optional("https?://[^\\s/]+(/\\S*)?", "is not an http(s) URL")),
        /** A bot token as BotFather hands it out: the bot's numeric id, a colon, then the secret part. */
        OPTIONAL_TELEGRAM_TOKEN(optional("\\d{1,20}:[A-Za-z0-9_-]{20,100}", "is not a Telegram bot token like 123456789:AA...")),
        /** A chat id is an integer; groups and channels are negative. */
        OPTIONAL_CHAT_ID(optional("-?\\d{1,20}", "is not a Telegram chat id (an integer, negative for groups)")),
        /** An absolute link (a Git host's page) or a path relative to the repository root. */
        URL_OR_PATH(value -> {
            if (!value.trim().matches("https?://[^\\s/]+(/\\S*)?|[A-Za-z0-9._\\-]+(/[A-Za-z0-9._\\-]+)*/?")) {
                throw new IllegalArgumentException("is neither an http(s) URL nor a relative path like docs/runbooks");
            }
        }),
        COUNT(value -> {
            if (!value.trim().matches("\\d{1,9}")) {
                throw new IllegalArgumentException("'" + value + "' is not a whole number of at least 0");
            }
        }),
        POSITIVE_COUNT(value -> {
            if (!value.trim().matches("0*[1-9]\\d{0,8}")) {
                throw new IllegalArgumentException("'" + value + "' is not a whole number of at least 1");
            }
        }),
        /** A service level objective: 0.995 means 99.5 %. */
        BOOLEAN(value -> {
            if (!value.trim().matches("true|false")) {
                throw new IllegalArgumentException("'" + value + "' is not true or false");
            }
        }),
        NON_NEGATIVE_NUMBER(value -> {
            if (!(parseNumber(value) >= 0) || parseNumber(value).isInfinite()) {
                throw new IllegalArgumentException(value.trim() + " is not a number of 0 or more");
            }
        }),
        /** A user name, e.g. basic auth's. */
        NAME(value -> {
            if (!value.trim().matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("is not a user name (letters, digits, '.', '_', '-')");
            }
        }),
        PATH(value -> {
            if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("is not a file path");
            }
        }),
        /** VictoriaMetrics refuses a retention under one day. */
        RETENTION(value -> {
            if (PromDuration.parse(value).compareTo(java.time.Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("must be at least 1d (VictoriaMetrics' shortest retention)");
            }
        }),
        OBJECTIVE(value -> {
            double v = parseNumber(value);
            if (!(v > 0 && v < 1)) {
                throw new IllegalArgumentException(value.trim() + " is not an objective strictly between 0 and 1"
                        + " (0.995 means 99.5 %)");
            }
        });

        private final Consumer<String> check;

        Kind(Consumer<String> check) {
            this.check = check;
        }

        /** Throws {@link IllegalArgumentException} with the reason when {@code value} is not valid for this kind. */
        public void check(String value) {
            check.accept(value);
        }

        private static Consumer<String> optional(String regex, String reason) {
            return value -> {
                if (!value.isBlank() && !value.trim().matches(regex)) {
                    throw new IllegalArgumentException(reason);
                }
            };
        }

        private static void eachOf(String list, String regex, String reason) {
            for (String item : list.isBlank() ? new String[0] : list.split(",")) {
                if (!item.trim().matches(regex)) {
                    throw new IllegalArgumentException("'" + item.trim() + "' " + reason);
                }
            }
        }

        private static void inRange(String value, double min, double max) {
            double v = parseNumber(value);
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(value.trim() + " is outside [" + trim(min) + ", " + trim(max) + "]");
            }
        }

        private static Double parseNumber(String value) {
            try {
                return Double.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number");
            }
        }

        private static String trim(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    private final String key;
    private final String defaultValue;
    private final Kind kind;
    private final String drives;

    Setting(String key, String defaultValue, Kind kind, String drives) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.kind = kind;
        this.drives = drives;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public Kind kind() {
        return kind;
    }

    /** What this value drives: the alert, panel or config field it ends up in. */
    public String drives() {
        return drives;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** Throws {@link IllegalArgumentException} with the reason when {@code value} is not valid for this setting. */
    void check(String value) {
        kind.check(value);
    }
}
