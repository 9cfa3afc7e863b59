package nl.evidencestore.command.access;

import java.nio.charset.StandardCharsets;
import nl.evidencestore.shared.json.IsoInstant;
import nl.evidencestore.shared.json.Json;

/**
 * An access as {@code Json.write} writes it (members in the record's order, nulls left out):
 * the bytes the ledger's content digest covers, so a repeat recorded by any version of the
 * store is known again. Written by hand when its free text (instruction, subject, system) is
 * plain printable ASCII, what internal systems send; everything else in an access is a token
 * its type restricts to {@code [A-Za-z0-9._:-]}, which Jackson writes as it is. Any other text
 * is left to Jackson. Jackson's reflective bean writer cost as much as parsing the access.
 */
final class ReportedAccessJson {
    private ReportedAccessJson() {
    }

    static byte[] write(ReportedAccess access) {
        if (!plain(access.instructionRef()) || !plain(access.subjectRef()) || !plain(access.system())) {
            return Json.write(access);
        }
        StringBuilder json = new StringBuilder(512);
        member(json, '{', "accessId", access.accessId());
        member(json, ',', "agreementId", access.agreementId().value());
        json.append(",\"actor\":");
        member(json, '{', "id", access.actor().id());
        member(json, ',', "kind", access.actor().kind().name());
        member(json, ',', "subProcessorId", access.actor().subProcessorId());
        json.append('}');
        member(json, ',', "purpose", access.purpose().name());
        member(json, ',', "instructionRef", access.instructionRef());
        json.append(",\"categories\":[");
        for (int i = 0; i < access.categories().size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(access.categories().get(i).name()).append('"');
        }
        json.append(']');
        member(json, ',', "subjectRef", access.subjectRef());
        member(json, ',', "country", access.country().code());
        member(json, ',', "system", access.system());
        member(json, ',', "occurredAt", IsoInstant.format(access.occurredAt()));
        return json.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code ,"name":"value"}, or nothing for null. */
    private static void member(StringBuilder json, char before, String name, String value) {
        if (value != null) {
            json.append(before).append('"').append(name).append("\":\"").append(value).append('"');
        }
    }

    /** Null, or printable ASCII without quote or backslash: Jackson writes it unescaped. */
    private static boolean plain(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
