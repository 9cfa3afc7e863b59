package nl.evidencestore.shared.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipStreamTest {
    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 3, 25, 10, 0, 4);

    @TempDir
    Path dir;

    @Test
    void storedRunsOfAnyLengthJoinDeflatedOnesInOneEntry() throws IOException {
        // Around a stored block's 65,535 bytes, empty, and beside a run deflated by zlib.
        byte[][] runs = {text("a stored line\n", 5000), new byte[0], text("x", 65_535), text("y", 65_536),
                text("deflated\n", 100), text("z", 1)};
        Path file = dir.resolve("stored.zip");
        CRC32 crc = new CRC32();
        long compressed = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            ZipStream zip = new ZipStream(out);
            zip.begin("events.jsonl", CREATED);
            for (int i = 0; i < runs.length; i++) {
                byte[] run = runs[i];
                // A stored run is handed a larger buffer, as a LineBytes hands its own.
                byte[] buffer = Arrays.copyOf(run, run.length + 100);
                Deflater deflater = DeflatedRun.deflater();
                DeflatedRun written = i == 4 ? DeflatedRun.of(buffer, run.length, deflater) : DeflatedRun.stored(buffer, run.length);
                deflater.end();
                written.writeTo(zip);
                compressed += written.deflatedLength();
                crc.update(run);
            }
            zip.end(crc.getValue(), concat(runs).length);
            zip.finish();
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry events = zip.getEntry("events.jsonl");
            // The deflated lengths the runs gave, and the two bytes of the final block.
            assertThat(events.getCompressedSize()).isEqualTo(compressed + 2);
            try (InputStream in = zip.getInputStream(events)) {
                assertThat(in.readAllBytes()).isEqualTo(concat(runs));
            }
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("events.jsonl");
            assertThat(in.readAllBytes()).isEqualTo(concat(runs));
        }
    }

    @Test
    void joinsRunsDeflatedApartIntoOneEntryThatZipFileAndZipInputStreamRead() throws IOException {
        byte[][] runs = {text("first run of lines\n", 3000), text("second\n", 5000), text("third, \"quoted\"\n", 1)};
        Path file = dir.resolve("runs.zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            ZipStream zip = new ZipStream(out);
            zip.begin("events.jsonl", CREATED);
            CRC32 crc = new CRC32();
            long size = 0;
            for (byte[] run : runs) {
                Deflater deflater = DeflatedRun.deflater();
                DeflatedRun deflated = DeflatedRun.of(run, run.length, deflater);
                deflater.end();
                zip.deflated(deflated.deflated(), 0, deflated.deflatedLength());
                crc.update(run);
                size += run.length;
            }
            zip.end(crc.getValue(), size);
            zip.begin("empty.txt", CREATED);
            zip.end(0, 0);
            zip.finish();
        }
        byte[] joined = concat(runs);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry events = zip.getEntry("events.jsonl");
            assertThat(events.getSize()).isEqualTo(joined.length);
            assertThat(events.getTimeLocal()).isEqualTo(CREATED);
            try (InputStream in = zip.getInputStream(events)) {
                assertThat(in.readAllBytes()).isEqualTo(joined);
            }
            assertThat(zip.getEntry("empty.txt").getSize()).isZero();
        }
        // ZipInputStream checks each entry's CRC and sizes against its data descriptor.
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("events.jsonl");
            assertThat(in.readAllBytes()).isEqualTo(joined);
            assertThat(in.getNextEntry().getName()).isEqualTo("empty.txt");
            assertThat(in.readAllBytes()).isEmpty();
            assertThat(in.getNextEntry()).isNull();
        }
    }

    /** A bundle of ten million events passes 4 GiB: the sizes and offsets move to ZIP64 fields. */
    @Test
    void writesZip64FieldsWhereAnEntryPassesFourGibibytes() throws IOException {
        byte[] zeros = new byte[1 << 26];
        Deflater deflater = DeflatedRun.deflater();
        DeflatedRun run = DeflatedRun.of(zeros, zeros.length, deflater);
        deflater.end();
        int times = 65; // 65 x 64 MiB = 4.06 GiB
        CRC32 crc = new CRC32();
        for (int i = 0; i < times; i++) {
            crc.update(zeros);
        }
        long size = (long) zeros.length * times;
        Path file = dir.resolve("large.zip");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            ZipStream zip = new ZipStream(out);
            zip.begin("zeros", CREATED);
            for (int i = 0; i < times; i++) {
                zip.deflated(run.deflated(), 0, run.deflatedLength());
            }
            zip.end(crc.getValue(), size);
            zip.begin("after", CREATED);
            byte[] after = "after".getBytes(StandardCharsets.US_ASCII);
            Deflater another = DeflatedRun.deflater();
            DeflatedRun small = DeflatedRun.of(after, after.length, another);
            another.end();
            zip.deflated(small.deflated(), 0, small.deflatedLength());
            CRC32 afterCrc = new CRC32();
            afterCrc.update(after);
            zip.end(afterCrc.getValue(), after.length);
            zip.finish();
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("zeros").getSize()).isEqualTo(size);
            assertThat(zip.getEntry("zeros").getCrc()).isEqualTo(crc.getValue());
            try (InputStream in = zip.getInputStream(zip.getEntry("after"))) {
                assertThat(in.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("after");
            }
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("zeros");
            long read = in.transferTo(OutputStream.nullOutputStream());
            assertThat(read).isEqualTo(size);
            assertThat(in.getNextEntry().getName()).isEqualTo("after");
        }
    }

    private static byte[] text(String line, int times) {
        return line.repeat(times).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[][] parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
