package nl.evidencestore.shared.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * A ZIP written as a stream whose entries arrive already deflated (raw deflate, RFC 1951), in
 * runs that each end on a byte boundary ({@link Deflater#SYNC_FLUSH}): so runs deflated on
 * several threads at once join into one entry, which {@code java.util.zip.ZipOutputStream}
 * cannot do (it deflates each entry itself, on the one thread that writes).
 *
 * <p>The layout is the one {@code ZipOutputStream} writes: a local header with the sizes
 * left to a data descriptor (flag bit 3, UTF-8 names), the central directory at the end, and
 * ZIP64 fields and records exactly where a size or an offset reaches 4 GiB, so that
 * {@code ZipFile} and {@code ZipInputStream} both read it.
 */
final class ZipStream {
    private static final long LOCAL_HEADER = 0x04034b50L;
    private static final long DATA_DESCRIPTOR = 0x08074b50L;
    private static final long CENTRAL_HEADER = 0x02014b50L;
    private static final long END = 0x06054b50L;
    private static final long ZIP64_END = 0x06064b50L;
    private static final long ZIP64_LOCATOR = 0x07064b50L;
    private static final long ZIP64_MAGIC = 0xFFFFFFFFL;
    private static final int DATA_DESCRIPTOR_AND_UTF8 = 0x0808;
    private static final int DEFLATED = 8;
    private static final int VERSION = 20;
    private static final int VERSION_ZIP64 = 45;
    /** The last block of a deflate stream, empty: BFINAL set, fixed Huffman codes, end of block. */
    private static final byte[] FINAL_BLOCK = {0x03, 0x00};

    private record Written(byte[] name, long dosTime, long crc, long compressed, long size, long offset) {
    }

    private final OutputStream out;
    private final List<Written> entries = new ArrayList<>();
    private final byte[] scratch = new byte[8];
    private long position;
    private byte[] name;
    private long dosTime;
    private long entryOffset;
    private long compressed;

    ZipStream(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Starts an entry; its deflated runs follow through {@link #deflated}. */
    void begin(String entryName, LocalDateTime time) throws IOException {
        if (name != null) {
            throw new IllegalStateException("an entry is open");
        }
        name = entryName.getBytes(StandardCharsets.UTF_8);
        dosTime = dosTime(time);
        entryOffset = position;
        compressed = 0;
        fourBytes(LOCAL_HEADER);
        twoBytes(VERSION);
        twoBytes(DATA_DESCRIPTOR_AND_UTF8);
        twoBytes(DEFLATED);
        fourBytes(dosTime);
        fourBytes(0);
        fourBytes(0);
        fourBytes(0);
        twoBytes(name.length);
        twoBytes(0);
        bytes(name, 0, name.length);
    }

    /** Raw deflate bytes of the open entry: runs that end on a byte boundary and are not final. */
    void deflated(byte[] run, int offset, int length) throws IOException {
        if (name == null) {
            throw new IllegalStateException("no entry is open");
        }
        bytes(run, offset, length);
        compressed += length;
    }

    /** Ends the open entry's deflate stream and states its CRC-32 and size (uncompressed). */
    void end(long crc, long size) throws IOException {
        deflated(FINAL_BLOCK, 0, FINAL_BLOCK.length);
        fourBytes(DATA_DESCRIPTOR);
        fourBytes(crc);
        if (compressed >= ZIP64_MAGIC || size >= ZIP64_MAGIC) {
            eightBytes(compressed);
            eightBytes(size);
        } else {
            fourBytes(compressed);
            fourBytes(size);
        }
        entries.add(new Written(name, dosTime, crc, compressed, size, entryOffset));
        name = null;
    }

    /** The central directory and its end; {@code out} stays open. */
    void finish() throws IOException {
        if (name != null) {
            throw new IllegalStateException("an entry is open");
        }
        long directory = position;
        for (Written entry : entries) {
            central(entry);
        }
        long directorySize = position - directory;
        if (entries.size() >= 0xFFFF || directory >= ZIP64_MAGIC || directorySize >= ZIP64_MAGIC) {
            zip64End(directory, directorySize);
        }
        fourBytes(END);
        twoBytes(0);
        twoBytes(0);
        twoBytes(Math.min(entries.size(), 0xFFFF));
        twoBytes(Math.min(entries.size(), 0xFFFF));
        fourBytes(Math.min(directorySize, ZIP64_MAGIC));
        fourBytes(Math.min(directory, ZIP64_MAGIC));
        twoBytes(0);
        out.flush();
    }

    private void central(Written entry) throws IOException {
        int zip64 = (entry.size() >= ZIP64_MAGIC ? 8 : 0) + (entry.compressed() >= ZIP64_MAGIC ? 8 : 0)
                + (entry.offset() >= ZIP64_MAGIC ? 8 : 0);
        int version = zip64 > 0 ? VERSION_ZIP64 : VERSION;
        fourBytes(CENTRAL_HEADER);
        twoBytes(version);
        twoBytes(version);
        twoBytes(DATA_DESCRIPTOR_AND_UTF8);
        twoBytes(DEFLATED);
        fourBytes(entry.dosTime());
        fourBytes(entry.crc());
        fourBytes(Math.min(entry.compressed(), ZIP64_MAGIC));
        fourBytes(Math.min(entry.size(), ZIP64_MAGIC));
        twoBytes(entry.name().length);
        twoBytes(zip64 > 0 ? zip64 + 4 : 0);
        twoBytes(0);
        twoBytes(0);
        twoBytes(0);
        fourBytes(0);
        fourBytes(Math.min(entry.offset(), ZIP64_MAGIC));
        bytes(entry.name(), 0, entry.name().length);
        if (zip64 > 0) {
            // The ZIP64 extra field holds, in this order, only the values its header marked 0xFFFFFFFF.
            twoBytes(0x0001);
            twoBytes(zip64);
            if (entry.size() >= ZIP64_MAGIC) {
                eightBytes(entry.size());
            }
            if (entry.compressed() >= ZIP64_MAGIC) {
                eightBytes(entry.compressed());
            }
            if (entry.offset() >= ZIP64_MAGIC) {
                eightBytes(entry.offset());
            }
        }
    }

    private void zip64End(long directory, long directorySize) throws IOException {
        long record = position;
        fourBytes(ZIP64_END);
        eightBytes(44);
        twoBytes(VERSION_ZIP64);
        twoBytes(VERSION_ZIP64);
        fourBytes(0);
        fourBytes(0);
        eightBytes(entries.size());
        eightBytes(entries.size());
        eightBytes(directorySize);
        eightBytes(directory);
        fourBytes(ZIP64_LOCATOR);
        fourBytes(0);
        eightBytes(record);
        fourBytes(1);
    }

    /** MS-DOS date and time, local to the zone the caller chose (the bundle uses UTC). */
    private static long dosTime(LocalDateTime time) {
        if (time.getYear() < 1980) {
            return (1 << 21) | (1 << 16);
        }
        return ((long) (time.getYear() - 1980) << 25) | ((long) time.getMonthValue() << 21)
                | ((long) time.getDayOfMonth() << 16) | ((long) time.getHour() << 11)
                | ((long) time.getMinute() << 5) | ((long) time.getSecond() >> 1);
    }

    private void twoBytes(int value) throws IOException {
        scratch[0] = (byte) value;
        scratch[1] = (byte) (value >>> 8);
        bytes(scratch, 0, 2);
    }

    private void fourBytes(long value) throws IOException {
        for (int i = 0; i < 4; i++) {
            scratch[i] = (byte) (value >>> (8 * i));
        }
        bytes(scratch, 0, 4);
    }

    private void eightBytes(long value) throws IOException {
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (value >>> (8 * i));
        }
        bytes(scratch, 0, 8);
    }

    private void bytes(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        position += length;
    }
}
