package dev.monitoringlab.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One running stack per data folder. The lock is the operating system's (fcntl), so it goes away with the
 * process however it ends, and a stale file never blocks the next start. The file holds the holder's pid and
 * start time for the refusal message; {@code run.sh} reads the pid to refuse before it rebuilds the jars.
 */
final class InstanceLock implements AutoCloseable {
    static final String FILE_NAME = "launcher.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldByThisJvm) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                ch.close();
                throw new StackException("the stack is already running (" + (holder.isEmpty() ? "lock " + file
                        : holder) + "); stop it with Ctrl+C in its terminal first, or give this one another --work-dir");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new InstanceLock(ch, lock);
        } catch (IOException e) {
            throw new StackException("cannot lock " + file + ": " + e.getMessage());
        }
    }

    /**
     * Locks {@code dataDir}, then runs {@code checks} (free ports), writes the configs under {@code generatedDir} and
     * makes the data folder; on any failure the lock is let go and the error is one line.
     */
    static InstanceLock prepare(Path dataDir, Path generatedDir, dev.monitoringlab.settings.MonitoringSettings settings,
                                Runnable checks) {
        InstanceLock lock = acquire(dataDir);
        try {
            checks.run();
            dev.monitoringlab.rules.ConfigGenerator.writeAll(settings, generatedDir);
            // the folder the node jobs' file_sd globs watch (the playbook fills it): Prometheus logs an error at start
            // when it cannot watch it, which reads as a failure though nothing is wrong
            Files.createDirectories(fileSdDir(generatedDir));
            Files.createDirectories(dataDir);
            return lock;
        } catch (IOException e) {
            lock.close();
            throw new StackException("cannot write configs under " + generatedDir + ": " + e.getMessage());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Where the file_sd files of {@code prometheus.yml} go: the folder of {@link dev.monitoringlab.rules.ScrapeJobs#NODE_FILE_SD}. */
    static Path fileSdDir(Path generatedDir) {
        Path prometheusYml = generatedDir.resolve(dev.monitoringlab.rules.ConfigGenerator.PROMETHEUS_YML);
        return prometheusYml.resolveSibling(Path.of(dev.monitoringlab.rules.ScrapeJobs.NODE_FILE_SD).getParent());
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
