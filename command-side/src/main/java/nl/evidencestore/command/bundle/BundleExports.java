package nl.evidencestore.command.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.Deflater;
import nl.evidencestore.command.agreement.ExportEvidence;
import nl.evidencestore.command.agreement.SealEvidenceBundle;
import nl.evidencestore.command.evidence.StoredEvents;
import nl.evidencestore.command.log.Checkpoints;
import nl.evidencestore.command.log.LogTree;
import nl.evidencestore.command.log.StreamHeads;
import nl.evidencestore.command.submit.CommandSubmitter;
import nl.evidencestore.command.subject.SubjectCells;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.evidence.BundleScope;
import nl.evidencestore.shared.evidence.BundleWriter;
import nl.evidencestore.shared.evidence.DeflatedRun;
import nl.evidencestore.shared.evidence.DeflatedSpill;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.ProofFile;
import nl.evidencestore.shared.evidence.WholeStreams;
import nl.evidencestore.shared.evidence.report.ReportFigures;
import nl.evidencestore.shared.evidence.report.ReportHtml;
import nl.evidencestore.shared.evidence.report.TimelineCsv;
import nl.evidencestore.shared.http.Principal;
import nl.evidencestore.shared.integrity.Checkpoint;
import nl.evidencestore.shared.integrity.HeadsTree;
import nl.evidencestore.shared.integrity.ProofRejected;
import nl.evidencestore.shared.integrity.SignedCheckpoint;
import nl.evidencestore.shared.integrity.SigningKey;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an evidence bundle (docs/evidence-format.md §3): records the export on the agreement,
 * waits for a signed checkpoint that covers it, then streams the agreement's chain, every
 * employee and security-measure stream and their proofs into a ZIP that is stored once, so
 * that every download returns the same bytes; last, records on the agreement the root the
 * bundle was sealed with.
 */
public final class BundleExports {
    private static final Logger LOG = LoggerFactory.getLogger(BundleExports.class);
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(30);
    private static final String ACCESS = EventTypes.nameOf(AccessRecorded.class);
    /**
     * Lines per prepared run: about 270 KB of events.jsonl. Each run's buffers must stay under half
     * of G1's region (1 MB in a 256 MB heap): a larger array is "humongous", needs free regions
     * side by side, and in a nearly full heap it took full collections to find them (16 during
     * one export of a million lines with runs of 1,000).
     */
    private static final int RUN_LINES = 250;
    /** Both cores prepare; the reader and the writer mostly wait on them, the database and the disk. */
    private static final int PREPARING_THREADS = 2;
    /**
     * Runs prepared ahead of the writer, or waiting for a thread: what bounds the export's memory
     * (under a megabyte each, their lines included). Few: the store after a million events leaves
     * little of a 256 MB heap free, and every megabyte held here makes the collector run more
     * often; but enough that both threads still have runs to prepare while the reader waits for
     * the cursor's next thousand rows.
     */
    private static final int RUNS_AHEAD = 6;

    /** What {@code POST /api/v1/evidence-bundles} answers. */
    public record Exported(String bundleId, String rootHash, long events) {
    }

    /** Where the exporter reads the log. */
    public record Log(Checkpoints checkpoints, LogTree tree, StreamHeads heads, SigningKey key) {
    }

    private final CommandSubmitter submitter;
    private final StoredEvents events;
    private final Log log;
    private final Path directory;
    private final BundleRegistry registry;
    private final Clock clock;
    private final SubjectCells subjectCells;

    public BundleExports(CommandSubmitter submitter, StoredEvents events, Log log, Path directory,
                         javax.sql.DataSource dataSource, Clock clock, SubjectCells subjectCells) {
        this.submitter = submitter;
        this.events = events;
        this.log = log;
        this.directory = directory;
        this.registry = new BundleRegistry(dataSource);
        this.clock = clock;
        this.subjectCells = subjectCells;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bundle directory " + directory, e);
        }
    }

    public Exported export(Principal who, BundleRequest request) throws InterruptedException {
        long started = System.nanoTime();
        ControllerId controller = controllerOf(request.agreementId(), who);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The export event must be recorded after the period, at millisecond precision as stamped.
        if (!request.to().isBefore(now.truncatedTo(ChronoUnit.MILLIS))) {
            throw new InvalidInput("to", "lies in the future; a bundle proves what has been recorded");
        }
        Optional<SignedCheckpoint> previous = previous(request.previousCheckpoint());
        BundleScope scope = new BundleScope(UUID.randomUUID().toString(), request.agreementId(), controller,
                request.from(), request.to(), now, who.name());
        String exportEvent = submitter.submit(new ExportEvidence(request.agreementId(), scope.bundleId(),
                request.from(), request.to(), who.name(), previous.map(p -> p.checkpoint().rootHash()).orElse(null)))
                .eventIds().get(0);
        SignedCheckpoint checkpoint = log.checkpoints().covering(exportEvent, LOGGED_WITHIN).orElseThrow(
                () -> new IllegalStateException("the export event was not logged within " + LOGGED_WITHIN));
        long covered = System.nanoTime();
        long lines = write(scope, checkpoint, previous);
        // Where an export's time goes: recording it and waiting for its checkpoint, then the lines.
        LOG.info("bundle {}: recorded and covered by a signed checkpoint in {} ms, {} lines written in {} ms",
                scope.bundleId(), (covered - started) / 1_000_000, lines, (System.nanoTime() - covered) / 1_000_000);
        try {
            seal(scope, checkpoint.checkpoint());
        } catch (RuntimeException e) {
            // Not sealed, not registered: no one could download it, so it does not stay on disk.
            deleteQuietly(stored(scope.bundleId()));
            throw e;
        }
        registry.add(scope.bundleId(), request.agreementId().value(), controller, who.name(),
                checkpoint.checkpoint().rootHash(), lines);
        return new Exported(scope.bundleId(), checkpoint.checkpoint().rootHash(), lines);
    }

    /**
     * Art. 9: the root the bundle was sealed with goes on the agreement's record, where every later
     * bundle carries it. Only once the ZIP is stored, and before the bundle is registered: a bundle
     * anyone can download is always sealed on the record, and an export that failed before this
     * point leaves its EvidenceExported without a seal, which is what happened. Keyed by the
     * bundle id, so a repeat appends nothing.
     */
    private void seal(BundleScope scope, Checkpoint checkpoint) {
        submitter.submit(new SealEvidenceBundle(scope.agreementId(), scope.bundleId(), checkpoint.treeSize(),
                checkpoint.rootHash(), checkpoint.time()));
    }

    /** The stored ZIP of a bundle the caller may see. */
    public Path file(Principal who, String bundleId) {
        ControllerId controller = registry.controllerOf(bundleId)
                .orElseThrow(() -> new UnknownResource("no evidence bundle with this id"));
        if (!who.maySee(controller)) {
            throw new UnknownResource("no evidence bundle with this id");
        }
        return stored(bundleId);
    }

    /** Where a bundle's ZIP is kept once written: one file per bundle id. */
    private Path stored(String bundleId) {
        return directory.resolve(bundleId + ".zip");
    }

    private ControllerId controllerOf(AgreementId agreementId, Principal who) {
        return events.controllerOf(agreementId.value()).filter(who::maySee)
                .orElseThrow(() -> new UnknownResource("no agreement with this id"));
    }

    private Optional<SignedCheckpoint> previous(SignedCheckpoint.Form form) {
        if (form == null) {
            return Optional.empty();
        }
        try {
            SignedCheckpoint previous = SignedCheckpoint.parse(form, log.key().verificationKey());
            if (!previous.checkpoint().origin().equals(log.checkpoints().origin())) {
                throw new InvalidInput("previousCheckpoint", "is a checkpoint of another log");
            }
            long size = previous.checkpoint().treeSize();
            if (size == 0 || size > log.tree().size()) {
                throw new InvalidInput("previousCheckpoint", "is of a tree size this log has not reached, or empty");
            }
            return Optional.of(previous);
        } catch (ProofRejected e) {
            // Not the proof's reason: it may quote what was submitted (a note's signer), which api.md forbids.
            throw new InvalidInput("previousCheckpoint", "is not a checkpoint signed by this store");
        }
    }

    private long write(BundleScope scope, SignedCheckpoint checkpoint, Optional<SignedCheckpoint> previous) {
        Checkpoint signed = checkpoint.checkpoint();
        HeadsTree heads = log.checkpoints().headsOf(signed);
        String agreement = scope.agreementId().value();
        long headSequence = heads.head(agreement).sequence();
        // Employees' and security measures' streams, whole: facts that concern no one agreement.
        List<String> wholeStreams = heads.streamIds().stream().filter(WholeStreams::carriedWhole).toList();
        Path partial = directory.resolve(scope.bundleId() + ".zip.partial");
        Path rows = directory.resolve(scope.bundleId() + ".csv.partial");
        ReportFigures figures = new ReportFigures(scope);
        SubjectColumn subjects = new SubjectColumn(subjectCells);
        long[] lines = {0};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
             BundleWriter bundle = new BundleWriter(out, scope, log.key());
             DeflatedSpill timeline = new DeflatedSpill(rows)) {
            timeline.add(timelineHeader());
            // One pass over the chain: lines are prepared in runs on both cores, then written in
            // order, counted into the report, and their timeline rows spilled, deflated already,
            // until events.jsonl is done.
            try (StoredEvents.Cursor chain = events.cursor(agreement, headSequence);
                 PreparedRuns runs = new PreparedRuns(concat(stubbed(chain, scope),
                         wholeLines(wholeStreams, heads)), RUN_LINES, PREPARING_THREADS, RUNS_AHEAD,
                         (run, deflaters) -> PreparedRun.of(run, scope, subjects, deflaters))) {
                bundle.writeDeflatedEvents(written(runs, figures, timeline, lines));
            }
            bundle.writeProof(proof(scope, checkpoint, heads, agreement, headSequence, wholeStreams, previous));
            bundle.writeFile(BundleWriter.TIMELINE, timeline);
            bundle.writeFile(BundleWriter.REPORT, ReportHtml.render(figures, scope, signed.treeSize(), signed.rootHash()));
            bundle.finish();
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write bundle " + scope.bundleId(), e);
        } catch (InterruptedException e) {
            deleteQuietly(partial);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing bundle " + scope.bundleId(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        } finally {
            deleteQuietly(rows);
        }
        move(partial, stored(scope.bundleId()));
        return lines[0];
    }

    /** Each run as the writer takes it: its lines counted into the report, its timeline rows spilled. */
    private static Iterator<BundleWriter.DeflatedLines> written(PreparedRuns runs, ReportFigures figures,
                                                                DeflatedSpill timeline, long[] lines) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return runs.hasNext();
            }

            @Override
            public BundleWriter.DeflatedLines next() {
                PreparedRun run = runs.next();
                run.countInto(figures);
                lines[0] += run.lines().size();
                try {
                    timeline.add(run.timeline());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot spill timeline.csv", e);
                }
                return run.deflatedLines();
            }
        };
    }

    private static DeflatedRun timelineHeader() {
        Deflater deflater = DeflatedRun.deflater(RunDeflaters.TIMELINE_LEVEL);
        try {
            byte[] header = TimelineCsv.header();
            return DeflatedRun.of(header, header.length, deflater);
        } finally {
            deflater.end();
        }
    }

    /** Accesses recorded outside the period travel as stubs: they prove the chain, not their content. */
    private static Iterator<EventLine> stubbed(Iterator<EventLine> chain, BundleScope scope) {
        return map(chain, line -> ACCESS.equals(line.envelope().type()) && !scope.covers(line.envelope().recordedAt())
                ? EventLine.stub(line.envelope(), line.hash()) : line);
    }

    private Iterator<EventLine> wholeLines(List<String> streams, HeadsTree heads) {
        List<EventLine> lines = new ArrayList<>();
        for (String stream : streams) {
            long head = heads.head(stream).sequence();
            lines.addAll(events.lines(stream, 0, Math.toIntExact(head + 1)));
        }
        return lines.iterator();
    }

    private ProofFile proof(BundleScope scope, SignedCheckpoint checkpoint, HeadsTree heads, String agreement,
                            long headSequence, List<String> wholeStreams, Optional<SignedCheckpoint> previous) {
        long size = checkpoint.checkpoint().treeSize();
        HeadsTree.Inclusion head = heads.inclusion(agreement);
        long leaf = log.heads().indexOf(agreement, headSequence);
        String headEventId = events.lines(agreement, headSequence, 1).get(0).envelope().eventId();
        ProofFile.Inclusion inclusion = new ProofFile.Inclusion(headEventId, head.head().hash(), leaf, size,
                ProofFile.hex(log.tree().inclusionProof(leaf, size)));
        List<ProofFile.Head> streamHeads = new ArrayList<>();
        streamHeads.add(ProofFile.Head.of(head));
        wholeStreams.forEach(stream -> streamHeads.add(ProofFile.Head.of(heads.inclusion(stream))));
        return new ProofFile(checkpoint.toJson(), inclusion, streamHeads,
                previous.map(p -> previousProof(p, agreement, size)).orElse(null));
    }

    /** Where the agreement stood in the auditor's checkpoint, and how today's log extends that one. */
    private ProofFile.Previous previousProof(SignedCheckpoint previous, String agreement, long size) {
        long oldSize = previous.checkpoint().treeSize();
        HeadsTree oldHeads = HeadsTree.of(log.heads().at(oldSize));
        if (!HexFormat.of().formatHex(oldHeads.root()).equals(previous.checkpoint().headsRoot())) {
            throw new IllegalStateException("the log's heads at tree size " + oldSize + " differ from the signed checkpoint");
        }
        ProofFile.Head oldHead = oldHeads.streamIds().contains(agreement)
                ? ProofFile.Head.of(oldHeads.inclusion(agreement)) : null;
        return new ProofFile.Previous(previous.toJson(),
                ProofFile.hex(log.tree().consistencyProof(oldSize, size)), oldHead);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover partial file is harmless: the next export of that id cannot happen (ids are random).
        }
    }

    private static void move(Path partial, Path file) {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store bundle " + file, e);
        }
    }

    private static Iterator<EventLine> map(Iterator<EventLine> lines, Function<EventLine, EventLine> each) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public EventLine next() {
                return each.apply(lines.next());
            }
        };
    }

    private static Iterator<EventLine> concat(Iterator<EventLine> first, Iterator<EventLine> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public EventLine next() {
                return first.hasNext() ? first.next() : second.next();
            }
        };
    }
}
