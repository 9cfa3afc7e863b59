package nl.evidencestore.shared.integrity;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 7468 text encoding of one DER structure, 64 characters a line. */
final class Pem {
    private Pem() {
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static byte[] decode(String pem, String label) {
        Matcher matcher = Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]*)-----END " + label + "-----")
                .matcher(pem == null ? "" : pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("not a PEM " + label);
        }
        try {
            return Base64.getMimeDecoder().decode(matcher.group(1).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM " + label + " is not base64");
        }
    }
}
