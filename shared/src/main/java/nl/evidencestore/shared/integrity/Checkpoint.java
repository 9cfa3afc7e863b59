package nl.evidencestore.shared.integrity;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a checkpoint states: the log's size and root, the heads tree's size and root, and when
 * (docs/evidence-format.md §2). {@link #body()} is the C2SP tlog-checkpoint text that is signed.
 */
public record Checkpoint(String origin, long treeSize, String rootHash, long headsCount, String headsRoot,
                         Instant time) {
    public static final String DEFAULT_ORIGIN = "evidence-store";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern BODY = Pattern.compile(
            "([^\\n]+)\\n(0|[1-9][0-9]*)\\n([A-Za-z0-9+/=]{44})\\nheads (0|[1-9][0-9]*) ([A-Za-z0-9+/=]{44})\\ntime (\\S+)\\n");

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n") || origin.contains(" ")) {
            throw new IllegalArgumentException("origin must be one word on one line");
        }
        if (treeSize < 0 || headsCount < 0) {
            throw new IllegalArgumentException("sizes are not negative");
        }
        requireHex("rootHash", rootHash);
        requireHex("headsRoot", headsRoot);
        Objects.requireNonNull(time, "time");
        // The note prints microseconds: a finer instant would not survive a round trip.
        if (time.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("time " + time + " is finer than microseconds");
        }
    }

    private static void requireHex(String name, String value) {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex digits");
        }
    }

    /** The signed text: five lines, each ending in a newline. */
    public String body() {
        return origin + "\n" + treeSize + "\n" + base64(rootHash) + "\n"
                + "heads " + headsCount + " " + base64(headsRoot) + "\n"
                + "time " + EventHash.format(time) + "\n";
    }

    /** Reads a body back; anything but exactly {@link #body()}'s form is refused. */
    public static Checkpoint parseBody(String body) {
        Matcher m = BODY.matcher(body);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a checkpoint body of five lines (origin, size, root, heads, time)");
        }
        try {
            Checkpoint parsed = new Checkpoint(m.group(1), Long.parseLong(m.group(2)), hex(m.group(3)),
                    Long.parseLong(m.group(4)), hex(m.group(5)), EventHash.parse(m.group(6)));
            if (!parsed.body().equals(body)) {
                throw new IllegalArgumentException("the checkpoint body is not in its one canonical form");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a checkpoint size is out of range");
        }
    }

    public byte[] rootHashBytes() {
        return HexFormat.of().parseHex(rootHash);
    }

    public byte[] headsRootBytes() {
        return HexFormat.of().parseHex(headsRoot);
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    private static String hex(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != TreeHash.SIZE) {
            throw new IllegalArgumentException("a checkpoint hash is " + TreeHash.SIZE + " bytes");
        }
        return HexFormat.of().formatHex(bytes);
    }
}
