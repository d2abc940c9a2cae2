package dev.monitoringlab.report;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What the evidence command captures, from where, and where it writes it (flags: {@link ReportCommands.Evidence}). */
public record EvidenceOptions(URI prometheus, URI alertmanager, Path out, Optional<Path> phases,
                              Optional<Path> messages, Duration modelWindow, Optional<Instant> end, String cpuSource) {
}
