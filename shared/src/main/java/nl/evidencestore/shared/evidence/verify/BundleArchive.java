package nl.evidencestore.shared.evidence.verify;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The bundle ZIP, read by entry name; a name that occurs twice is noted, never silently chosen. */
final class BundleArchive implements Closeable {
    private static final int SMALL_FILE = 64 << 20;
    private final ZipFile zip;
    private final List<String> names = new ArrayList<>();
    private final Set<String> duplicates = new HashSet<>();

    BundleArchive(Path file) throws IOException {
        this.zip = new ZipFile(file.toFile());
        Set<String> seen = new HashSet<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            names.add(entry.getName());
            if (!seen.add(entry.getName())) {
                duplicates.add(entry.getName());
            }
        }
    }

    List<String> names() {
        return names;
    }

    Set<String> duplicates() {
        return duplicates;
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    InputStream open(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(name + " is missing");
        }
        return zip.getInputStream(entry);
    }

    /** A small file whole; empty when missing or larger than any such file should be. */
    Optional<byte[]> small(String name) throws IOException {
        if (!has(name)) {
            return Optional.empty();
        }
        try (InputStream in = open(name)) {
            byte[] bytes = in.readNBytes(SMALL_FILE + 1);
            return bytes.length > SMALL_FILE ? Optional.empty() : Optional.of(bytes);
        }
    }

    MeasuredInput.Measure measure(String name) throws IOException {
        try (MeasuredInput in = new MeasuredInput(open(name))) {
            return in.finish();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
