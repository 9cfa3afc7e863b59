package nl.evidencestore.shared.integrity;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.evidencestore.shared.json.Json;

/**
 * A checkpoint and its signed note. The JSON form repeats the note's fields for people and
 * tools; {@link #parse} trusts only the note and refuses JSON whose fields say otherwise.
 */
public record SignedCheckpoint(Checkpoint checkpoint, String note) {
    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(note, "note");
    }

    /** The JSON form of docs/evidence-format.md §2, as served and as stored in proof.json. */
    @JsonPropertyOrder({"origin", "treeSize", "rootHash", "headsCount", "headsRoot", "time", "note"})
    public record Form(String origin, long treeSize, String rootHash, long headsCount, String headsRoot, String time,
                       String note) {
    }

    public static SignedCheckpoint sign(Checkpoint checkpoint, SigningKey key) {
        return new SignedCheckpoint(checkpoint, SignedNote.sign(checkpoint.body(), checkpoint.origin(), key));
    }

    public Form toJson() {
        Checkpoint c = checkpoint;
        return new Form(c.origin(), c.treeSize(), c.rootHash(), c.headsCount(), c.headsRoot(),
                EventHash.format(c.time()), note);
    }

    public static SignedCheckpoint parse(byte[] json, VerificationKey key) {
        Form form;
        try {
            form = Json.read(json, Form.class);
        } catch (RuntimeException e) {
            throw new ProofRejected("not a checkpoint in JSON: " + e.getMessage());
        }
        return parse(form, key);
    }

    /**
     * The checkpoint the note states, once its signature by {@code key} under the origin the
     * JSON names verifies; {@link ProofRejected} naming the field when the JSON differs from it.
     */
    public static SignedCheckpoint parse(Form form, VerificationKey key) {
        if (form == null || form.note() == null || form.origin() == null) {
            throw new ProofRejected("the checkpoint has no note or no origin");
        }
        Checkpoint stated;
        try {
            stated = Checkpoint.parseBody(SignedNote.open(form.note(), form.origin(), key));
        } catch (IllegalArgumentException e) {
            throw new ProofRejected("the checkpoint note: " + e.getMessage());
        }
        SignedCheckpoint signed = new SignedCheckpoint(stated, form.note());
        List<String> differing = differences(signed.toJson(), form);
        if (!differing.isEmpty()) {
            throw new ProofRejected("the checkpoint's JSON differs from its signed note in " + String.join(", ", differing));
        }
        return signed;
    }

    private static List<String> differences(Form note, Form json) {
        List<String> fields = new ArrayList<>();
        if (!note.origin().equals(json.origin())) {
            fields.add("origin");
        }
        if (note.treeSize() != json.treeSize()) {
            fields.add("treeSize");
        }
        if (!note.rootHash().equals(json.rootHash())) {
            fields.add("rootHash");
        }
        if (note.headsCount() != json.headsCount()) {
            fields.add("headsCount");
        }
        if (!note.headsRoot().equals(json.headsRoot())) {
            fields.add("headsRoot");
        }
        if (!note.time().equals(json.time())) {
            fields.add("time");
        }
        return fields;
    }
}
