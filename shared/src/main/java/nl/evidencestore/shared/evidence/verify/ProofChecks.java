package nl.evidencestore.shared.evidence.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.shared.evidence.EventLine;
import nl.evidencestore.shared.evidence.Manifest;
import nl.evidencestore.shared.evidence.ProofFile;
import nl.evidencestore.shared.integrity.EventHash;
import nl.evidencestore.shared.integrity.HeadsTree;
import nl.evidencestore.shared.integrity.MerkleProofs;
import nl.evidencestore.shared.integrity.ProofRejected;
import nl.evidencestore.shared.integrity.SignedCheckpoint;
import nl.evidencestore.shared.integrity.TreeHash;
import nl.evidencestore.shared.integrity.VerificationKey;

/**
 * The log proofs of {@code proof.json}: the signed checkpoint, the agreement's head in its log,
 * each stream's head in its heads tree, and against an earlier checkpoint the auditor kept, the
 * log's consistency and the agreement's head then.
 */
final class ProofChecks {
    private final Manifest manifest;
    private final ProofFile proof;
    private final Optional<byte[]> previousJson;
    private final VerificationKey previousKey;
    private final SignedCheckpoint checkpoint;
    private final String checkpointFailure;

    ProofChecks(Manifest manifest, ProofFile proof, VerificationKey bundleKey, VerificationKey previousKey,
                Optional<byte[]> previousJson) {
        this.manifest = manifest;
        this.proof = proof;
        this.previousKey = previousKey;
        this.previousJson = previousJson;
        SignedCheckpoint signed = null;
        String failure = null;
        try {
            signed = SignedCheckpoint.parse(proof.checkpoint(), bundleKey);
        } catch (ProofRejected e) {
            failure = "proof.json checkpoint: " + e.getMessage();
        }
        this.checkpoint = signed;
        this.checkpointFailure = failure;
    }

    /** The agreement sequence whose hash "no fork" needs from the events, or -1. */
    static long watchedSequence(ProofFile proof) {
        return proof != null && proof.previous() != null && proof.previous().head() != null
                ? proof.previous().head().sequence() : -1;
    }

    Check checkpoint() {
        if (checkpoint == null) {
            return Check.fail(Checks.CHECKPOINT, checkpointFailure);
        }
        Manifest.CheckpointRef stated = manifest.checkpoint();
        if (stated.treeSize() != checkpoint.checkpoint().treeSize()
                || !stated.rootHash().equals(checkpoint.checkpoint().rootHash())) {
            return Check.fail(Checks.CHECKPOINT, "manifest.json names the checkpoint " + stated
                    + ", proof.json carries tree size " + checkpoint.checkpoint().treeSize());
        }
        return Check.pass(Checks.CHECKPOINT, "tree size " + checkpoint.checkpoint().treeSize() + ", signed at "
                + EventHash.format(checkpoint.checkpoint().time()) + " by the bundle's key");
    }

    Check inclusion(StreamEnds ends) {
        if (checkpoint == null) {
            return Check.fail(Checks.INCLUSION, "no verified checkpoint to prove it in");
        }
        Optional<EventLine> head = ends.agreementHead();
        ProofFile.Inclusion inclusion = proof.inclusion();
        if (head.isEmpty() || inclusion == null) {
            return Check.fail(Checks.INCLUSION, "no agreement head to prove, or no inclusion proof in proof.json");
        }
        EventLine line = head.get();
        if (!line.envelope().eventId().equals(inclusion.eventId()) || !line.hash().equals(inclusion.hash())) {
            return Check.fail(Checks.INCLUSION, "proof.json proves event " + inclusion.eventId()
                    + ", but the agreement's last line is event " + line.envelope().eventId());
        }
        if (inclusion.treeSize() != checkpoint.checkpoint().treeSize()) {
            return Check.fail(Checks.INCLUSION, "the proof is for tree size " + inclusion.treeSize()
                    + ", the checkpoint's is " + checkpoint.checkpoint().treeSize());
        }
        try {
            MerkleProofs.requireInclusion(TreeHash.leaf(EventHash.bytes(line.hash())), inclusion.leafIndex(),
                    inclusion.treeSize(), ProofFile.bytes(inclusion.path()), checkpoint.checkpoint().rootHashBytes());
        } catch (ProofRejected | IllegalArgumentException e) {
            return Check.fail(Checks.INCLUSION, "event " + line.envelope().eventId() + ": " + e.getMessage());
        }
        return Check.pass(Checks.INCLUSION, "event " + line.envelope().eventId() + " is leaf " + inclusion.leafIndex()
                + " of the checkpoint's log");
    }

    Check heads(StreamEnds ends) {
        if (checkpoint == null) {
            return Check.fail(Checks.HEADS, "no verified checkpoint to prove them in");
        }
        Findings findings = new Findings(Checks.HEADS);
        Map<String, EventLine> last = ends.lastLines();
        Set<String> proven = new HashSet<>();
        for (ProofFile.Head head : proof.heads() == null ? List.<ProofFile.Head>of() : proof.heads()) {
            EventLine line = last.get(head.streamId());
            if (line == null) {
                findings.fail("proof.json proves a head of stream " + head.streamId() + ", which events.jsonl lacks");
            } else if (!proven.add(head.streamId())) {
                findings.fail("proof.json proves stream " + head.streamId() + " twice");
            } else if (line.envelope().sequence() != head.sequence() || !line.hash().equals(head.hash())) {
                findings.fail("stream " + head.streamId() + " ends at sequence " + line.envelope().sequence()
                        + " (event " + line.envelope().eventId() + "), but its head in the checkpoint is sequence "
                        + head.sequence());
            } else {
                requireHead(findings, head, checkpoint);
            }
        }
        last.keySet().stream().filter(stream -> !proven.contains(stream))
                .forEach(stream -> findings.fail("stream " + stream + " has no head proof in proof.json"));
        return findings.result(proven.size() + " stream(s) end at their head in the checkpoint's heads tree");
    }

    private static void requireHead(Findings findings, ProofFile.Head head, SignedCheckpoint in) {
        try {
            HeadsTree.requireHead(head.streamHead(), head.leafIndex(), in.checkpoint().headsCount(),
                    ProofFile.bytes(head.path()), in.checkpoint().headsRootBytes());
        } catch (ProofRejected | IllegalArgumentException e) {
            findings.fail("the head of stream " + head.streamId() + ": " + e.getMessage());
        }
    }

    Check appendOnly() {
        Optional<Check> unusable = previousUnusable(Checks.APPEND_ONLY);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        SignedCheckpoint old = previous();
        try {
            MerkleProofs.requireConsistency(old.checkpoint().treeSize(), checkpoint.checkpoint().treeSize(),
                    old.checkpoint().rootHashBytes(), checkpoint.checkpoint().rootHashBytes(),
                    ProofFile.bytes(proof.previous().consistency()));
        } catch (ProofRejected | IllegalArgumentException e) {
            return Check.fail(Checks.APPEND_ONLY, "from tree size " + old.checkpoint().treeSize() + ": " + e.getMessage());
        }
        return Check.pass(Checks.APPEND_ONLY, "the log of tree size " + checkpoint.checkpoint().treeSize()
                + " extends the earlier checkpoint's of size " + old.checkpoint().treeSize());
    }

    Check noFork(StreamEnds ends) {
        Optional<Check> unusable = previousUnusable(Checks.NO_FORK);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        ProofFile.Head head = proof.previous().head();
        if (head == null || !head.streamId().equals(manifest.scope().agreementId())) {
            return Check.fail(Checks.NO_FORK, "proof.json has no head of agreement " + manifest.scope().agreementId()
                    + " in the earlier checkpoint");
        }
        Findings findings = new Findings(Checks.NO_FORK);
        requireHead(findings, head, previous());
        if (findings.failed()) {
            return findings.result("");
        }
        if (!ends.watchedHash().map(head.hash()::equals).orElse(false)) {
            return Check.fail(Checks.NO_FORK, "the agreement's chain does not pass through sequence " + head.sequence()
                    + " with hash " + head.hash() + ", its head in the earlier checkpoint: the history was rewritten");
        }
        return Check.pass(Checks.NO_FORK, "the agreement's chain passes through its head in the earlier checkpoint"
                + " (sequence " + head.sequence() + ")");
    }

    private Optional<Check> previousUnusable(String name) {
        if (previousJson.isEmpty()) {
            return Optional.of(new Check(name, Check.Status.NOT_CHECKED, "no --previous-checkpoint given", List.of()));
        }
        if (checkpoint == null) {
            return Optional.of(Check.fail(name, "the bundle's checkpoint is not verified"));
        }
        SignedCheckpoint old;
        try {
            old = previous();
        } catch (ProofRejected e) {
            return Optional.of(Check.fail(name, "the given previous checkpoint: " + e.getMessage()));
        }
        if (proof.previous() == null || proof.previous().checkpoint() == null) {
            return Optional.of(Check.fail(name, "the bundle carries no proof from the given checkpoint"));
        }
        if (!old.note().equals(proof.previous().checkpoint().note())) {
            return Optional.of(Check.fail(name, "proof.json is proven from another checkpoint than the one given"));
        }
        return Optional.empty();
    }

    private SignedCheckpoint previous() {
        return SignedCheckpoint.parse(previousJson.orElseThrow(), previousKey);
    }
}
