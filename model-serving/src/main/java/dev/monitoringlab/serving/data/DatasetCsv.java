package dev.monitoringlab.serving.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads and writes {@code stores_dataset.csv}: header {@code items_count,customers_count,label}. */
public final class DatasetCsv {
    public static final String HEADER = "items_count,customers_count,label";

    private DatasetCsv() {
    }

    /** Writes to a temp file next to {@code file}, then moves it in place, so readers never see half a file. */
    public static void write(List<StoreRecord> records, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder(records.size() * 16).append(HEADER).append('\n');
        for (StoreRecord r : records) {
            sb.append(r.itemsCount()).append(',').append(r.customersCount()).append(',').append(r.label()).append('\n');
        }
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            FilePermissions.readableByAll(tmp, false);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a data set; any malformed line is an {@link IllegalArgumentException} naming file and line. */
    public static List<StoreRecord> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
            throw new IllegalArgumentException(file + ": first line must be '" + HEADER + "'");
        }
        List<StoreRecord> records = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(",", -1);
            try {
                if (parts.length != 3) {
                    throw new NumberFormatException("expected 3 columns, got " + parts.length);
                }
                int label = Integer.parseInt(parts[2].trim());
                if (label != 0 && label != 1) {
                    throw new NumberFormatException("label must be 0 or 1");
                }
                records.add(new StoreRecord(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), label));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + ": no data rows");
        }
        return records;
    }

    public static String sha256(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
