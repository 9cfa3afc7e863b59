package nl.evidencestore.shared.evidence.report;

import java.util.List;

/** "How to verify this bundle": the command, what each check establishes, and the checkpoint it rests on. */
final class VerifySection {
    static final String COMMAND = "java -jar evidence-store.jar verify bundle.zip --public-key store.pem";
    static final String WITH_PREVIOUS = COMMAND + " --previous-checkpoint checkpoint.json";

    private VerifySection() {
    }

    /** With {@code audits}, the mirrored-facts row names them (a bundle without audits renders as earlier versions did). */
    static void write(Html html, long treeSize, String rootHash, boolean audits) {
        html.section("verify", "How to verify this bundle");
        html.p("Do not take this report's word for anything: it is a rendering of events.jsonl. Check the bundle offline,"
                + " with the store's public key obtained from the processor by another channel than this bundle:");
        html.raw("<pre><code>" + Html.escape(COMMAND) + "</code></pre>\n");
        html.p("If you kept the checkpoint of an earlier bundle (the \"checkpoint\" object of its proof.json), pass it too,"
                + " to check that the log was only appended to since:");
        html.raw("<pre><code>" + Html.escape(WITH_PREVIOUS) + "</code></pre>\n");
        html.p("The verifier needs no network. It prints every check with its result and exits with status 0 only when"
                + " every check passed.");
        html.table("The checks", List.of("Check", "What it establishes"), List.of(
                List.of("Manifest signature", "manifest.json was signed with the store's Ed25519 key. Without"
                        + " --public-key, authenticity is NOT ESTABLISHED: the key inside the bundle vouches only for itself."),
                List.of("File hashes", "Every file in the bundle has the SHA-256 and size the manifest lists."),
                List.of("Event hashes and chains", "Each line's hash covers its envelope and payload; prevHash links each"
                        + " event to the one before, with no gap in the sequence numbers (integrity)."),
                List.of("Period complete", "The events recorded in the period are all present in full, between boundary"
                        + " witnesses recorded outside it (completeness)."),
                List.of("Mirrored facts", audits
                        ? "The breach, subject-request and audit facts in the agreement's chain name no"
                        + " other agreement and no data subject, each source event enters once, each delay and late flag is"
                        + " what its dates give, and an audit's findings follow its request."
                        : "The breach and subject-request facts in the agreement's chain name no other"
                        + " agreement and no data subject, each source event enters once, and each delay and late flag is"
                        + " what its dates give."),
                List.of("Checkpoint", "The signed checkpoint note verifies with the store's key (authenticity)."),
                List.of("Inclusion and heads", "The agreement's last event, and every stream's head, are in the log the"
                        + " checkpoint signs."),
                List.of("Append-only and no fork", "Only with --previous-checkpoint: the log extends the earlier one, and"
                        + " the agreement's chain passes through its head as it stood then. Otherwise NOT CHECKED."),
                List.of("Verdicts and derived files", "Every verdict is recomputed from the facts in the bundle, and"
                        + " timeline.csv and this report are regenerated and compared byte for byte.")));
        html.facts("Checkpoint tree size", Formats.count(treeSize), "Checkpoint root hash (SHA-256, hex)",
                Html.code(rootHash));
        html.p("Keep the checkpoint in this bundle's proof.json: it is the earlier checkpoint for your next audit.");
        html.endSection();
    }
}
