package nl.evidencestore.command.access;

import java.nio.charset.StandardCharsets;
import nl.evidencestore.shared.json.IsoInstant;
import nl.evidencestore.shared.json.Json;

/**
 * An access as {@code Json.write} writes it (members in the record's order, nulls left out):
 * the bytes the ledger's content digest covers, so a repeat recorded by any version of the
 * store is known again. Written by hand when every string is plain printable ASCII (what
 * internal systems send), which Jackson writes as it is; anything else is left to Jackson.
 * Jackson's reflective bean writer cost as much as parsing the access.
 */
final class ReportedAccessJson {
    private ReportedAccessJson() {
    }

    static byte[] write(ReportedAccess access) {
        StringBuilder json = new StringBuilder(400);
        // & rather than &&: every member is written, whatever the ones before held.
        boolean plain = string(json, '{', "accessId", access.accessId())
                & string(json, ',', "agreementId", access.agreementId().value())
                & string(json.append(",\"actor\":"), '{', "id", access.actor().id())
                & string(json, ',', "kind", access.actor().kind().name())
                & (access.actor().subProcessorId() == null
                        || string(json, ',', "subProcessorId", access.actor().subProcessorId()));
        json.append('}');
        plain &= string(json, ',', "purpose", access.purpose().name())
                & (access.instructionRef() == null || string(json, ',', "instructionRef", access.instructionRef()));
        json.append(",\"categories\":[");
        for (int i = 0; i < access.categories().size(); i++) {
            String category = access.categories().get(i).name();
            json.append(i == 0 ? "\"" : ",\"").append(category).append('"');
            plain &= plain(category);
        }
        json.append(']');
        plain &= string(json, ',', "subjectRef", access.subjectRef())
                & string(json, ',', "country", access.country().code())
                & string(json, ',', "system", access.system())
                & string(json, ',', "occurredAt", IsoInstant.format(access.occurredAt()));
        json.append('}');
        return plain ? json.toString().getBytes(StandardCharsets.US_ASCII) : Json.write(access);
    }

    /** {@code ,"name":"value"}; false when the value is not plain (the result is then thrown away). */
    private static boolean string(StringBuilder json, char before, String name, String value) {
        json.append(before).append('"').append(name).append("\":\"").append(value).append('"');
        return plain(value);
    }

    /** Printable ASCII without quote or backslash: Jackson writes it unescaped. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
