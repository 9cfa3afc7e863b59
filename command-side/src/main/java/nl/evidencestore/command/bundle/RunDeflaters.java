package nl.evidencestore.command.bundle;

import java.util.zip.Deflater;
import nl.evidencestore.shared.evidence.DeflatedRun;

/**
 * One preparing thread's deflater for timeline.csv, at the file's level. {@code events.jsonl}
 * needs none: it goes in stored deflate blocks ({@link DeflatedRun#stored}), since deflating its
 * 1.07 KB lines even at zlib's fastest level cost about 12 µs of CPU each, more than everything
 * else an export does per line, and W5 asks 100,000 lines a second of two cores. The ZIP grows
 * about 4.4× (a million lines: 1.07 GB instead of 245 MB); its files are the same bytes.
 */
record RunDeflaters(Deflater timeline) {
    /** timeline.csv, a quarter of the bytes, stays at the fastest level. */
    static final int TIMELINE_LEVEL = Deflater.BEST_SPEED;

    static RunDeflaters create() {
        return new RunDeflaters(DeflatedRun.deflater(TIMELINE_LEVEL));
    }

    void end() {
        timeline.end();
    }
}
