package nl.evidencestore.shared.evidence;

import nl.evidencestore.shared.evidence.verify.MemberNames;

/**
 * The members of an access's canonical payload, in JCS order, by level: the one list that the
 * readers of stored accesses ({@link AccessPayload}, the export's {@code StoredAccess}) step by.
 */
public final class AccessMembers {
    public static final MemberNames ACCESS = new MemberNames("accessId", "actor", "agreementId", "categories",
            "country", "instructionRef", "instructionVerified", "occurredAt", "purpose", "recordedLate",
            "referenceData", "subject", "system", "verdict");
    public static final MemberNames ACTOR = new MemberNames("id", "kind", "subProcessorId");
    public static final MemberNames SUBJECT = new MemberNames("ciphertext", "keyId");
    public static final MemberNames VERDICT = new MemberNames("verdict", "violations");
    public static final MemberNames VIOLATION = new MemberNames("article", "reason");

    private AccessMembers() {
    }
}
