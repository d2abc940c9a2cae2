package dev.monitoringlab.serving.repository;

import dev.monitoringlab.models.ModelRepository;
import dev.monitoringlab.models.ModelSpec;
import dev.monitoringlab.models.ModelSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The models a service answers for, each with the version that answers now. Opened from a model repository, it
 * serves each model's highest version that loads; {@link #refresh()} (run every poll interval once
 * {@link #watch started}) loads a higher version placed in the repository and swaps it in while requests flow: a
 * request holds the version it started with, the next one gets the new version. A version that does not load is
 * refused once with one log line, and the previous version keeps answering.
 */
public final class ModelRegistry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

    /** Told of every version that starts or stops answering, and of every refused one (metrics). */
    public interface Listener {
        void loaded(ServedVersion version, ServedVersion replaced);

        void refused(String model, String version, String reason);

        Listener NONE = new Listener() {
            @Override
            public void loaded(ServedVersion version, ServedVersion replaced) {
            }

            @Override
            public void refused(String model, String version, String reason) {
            }
        };
    }

    private final Path repository;
    private final Map<String, AtomicReference<ServedVersion>> models = new ConcurrentSkipListMap<>();
    /** model/version pairs that failed to load, so a broken version is reported once, not at every poll. */
    private final Set<String> refused = new HashSet<>();
    private volatile Listener listener = Listener.NONE;
    private ScheduledExecutorService poller;

    private ModelRegistry(Path repository) {
        this.repository = repository;
    }

    /** Every model of the repository at its highest version that loads; a model with none is not served. */
    public static ModelRegistry open(Path repository) {
        List<ModelSpec> specs = ModelRepository.readSpecs(repository);
        ModelRegistry registry = new ModelRegistry(repository);
        registry.refresh();
        if (registry.models.isEmpty()) {
            throw new ModelSpecException("model repository " + repository + " has no model with a version that loads ("
                    + specs.size() + " model.json found; build it with: mvn package)");
        }
        return registry;
    }

    /** One version and nothing to watch (a model directory of the older layout). */
    public static ModelRegistry of(ServedVersion version) {
        ModelRegistry registry = new ModelRegistry(null);
        registry.models.put(version.name(), new AtomicReference<>(version));
        return registry;
    }

    /** From now on, versions are reported to {@code l}; the versions already loaded are reported at once. */
    public void listen(Listener l) {
        listener = l;
        models.values().forEach(v -> l.loaded(v.get(), null));
    }

    /** Polls the repository every {@code interval} on a daemon thread. */
    public synchronized void watch(Duration interval) {
        if (repository == null || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "model-repository-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException | Error e) {
                // keep the schedule: the next poll may find the repository readable again
                LOG.log(Level.WARNING, "model repository " + repository + ": poll failed: " + e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Loads what is new in the repository: a model not served yet, a version higher than the one answering. */
    public synchronized void refresh() {
        if (repository == null) {
            return;
        }
        List<ModelSpec> specs;
        try {
            specs = ModelRepository.readSpecs(repository);
        } catch (ModelSpecException e) {
            report("?", "?", e.getMessage());
            return;
        }
        for (ModelSpec spec : specs) {
            Path folder = repository.resolve(spec.name());
            AtomicReference<ServedVersion> current = models.get(spec.name());
            long answering = current == null ? 0 : Long.parseLong(current.get().version());
            List<Long> versions = new ArrayList<>(ModelRepository.versions(folder));
            versions.removeIf(v -> v <= answering || refused.contains(spec.name() + "/" + v));
            // the highest first; at start a broken highest falls back to the next one
            for (int i = versions.size() - 1; i >= 0; i--) {
                long v = versions.get(i);
                ServedVersion loaded;
                try {
                    loaded = ServedVersion.load(folder, spec, v);
                } catch (ModelSpecException | IllegalStateException e) {
                    refused.add(spec.name() + "/" + v);
                    report(spec.name(), Long.toString(v), e.getMessage());
                    continue;
                }
                swapIn(loaded);
                break;
            }
        }
    }

    private void swapIn(ServedVersion loaded) {
        AtomicReference<ServedVersion> ref = models.computeIfAbsent(loaded.name(), k -> new AtomicReference<>());
        ServedVersion old = ref.getAndSet(loaded);
        LOG.info("model " + loaded.name() + " version " + loaded.version() + " (" + loaded.format().name()
                .toLowerCase(java.util.Locale.ROOT) + ") answers" + (old == null ? "" : ", replacing version "
                + old.version()));
        listener.loaded(loaded, old);
        if (old != null) {
            old.retire();
        }
    }

    private void report(String model, String version, String reason) {
        LOG.warning("model " + model + " version " + version + " refused, the answering version stays: " + reason);
        listener.refused(model, version, reason);
    }

    /** The version answering for {@code model} now, held for one request (release it), or null for no such model. */
    public ServedVersion acquire(String model) {
        AtomicReference<ServedVersion> ref = models.get(model);
        if (ref == null) {
            return null;
        }
        while (true) {
            ServedVersion v = ref.get();
            if (v.acquire()) {
                return v;
            }
        }
    }

    /** The version answering now, without holding it (metadata). */
    public Optional<ServedVersion> current(String model) {
        AtomicReference<ServedVersion> ref = models.get(model);
        return ref == null ? Optional.empty() : Optional.of(ref.get());
    }

    /** Model names, sorted. */
    public List<String> names() {
        return List.copyOf(models.keySet());
    }

    public boolean watching() {
        return repository != null && Files.isDirectory(repository);
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        models.values().forEach(r -> r.get().retire());
    }
}
