package nl.evidencestore.shared.evidence.report;

import java.util.List;

/**
 * A small writer for the report's HTML. Every {@code String} it is given is text and gets
 * escaped; markup must be wrapped in {@link Markup}, so that a field from an event (a
 * description, a signatory's name) can never become markup by accident.
 */
final class Html {
    /** Already-escaped HTML, made only by this class's helpers. */
    record Markup(String html) {
    }

    private final StringBuilder out = new StringBuilder();

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Dutch words inside the English report, marked so that a screen reader pronounces them right. */
    static Markup dutch(String text) {
        return new Markup("<span lang=\"nl\">" + escape(text) + "</span>");
    }

    static Markup code(String text) {
        return new Markup("<code>" + escape(text) + "</code>");
    }

    static Markup join(Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            joined.append(fragment(part));
        }
        return new Markup(joined.toString());
    }

    private static String fragment(Object part) {
        return part instanceof Markup m ? m.html() : escape(String.valueOf(part));
    }

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html section(String id, String title) {
        out.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\">\n<h2 id=\"")
                .append(id).append("-h\">").append(escape(title)).append("</h2>\n");
        return this;
    }

    Html endSection() {
        return raw("</section>\n");
    }

    Html h3(String title) {
        return raw("<h3>" + escape(title) + "</h3>\n");
    }

    Html p(Object... parts) {
        return raw("<p>" + join(parts).html() + "</p>\n");
    }

    /** Term and description pairs: {@code term, description, term, description, …}. */
    Html facts(Object... pairs) {
        out.append("<dl>\n");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.append("<dt>").append(fragment(pairs[i])).append("</dt><dd>").append(fragment(pairs[i + 1]))
                    .append("</dd>\n");
        }
        out.append("</dl>\n");
        return this;
    }

    /** A table whose first column names each row, as screen readers expect of {@code <th scope="row">}. */
    Html table(String caption, List<String> headers, List<List<?>> rows) {
        out.append("<table>\n<caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
        headers.forEach(h -> out.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<?> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String tag = i == 0 ? "th scope=\"row\"" : "td";
                out.append('<').append(tag).append('>').append(fragment(row.get(i))).append("</")
                        .append(i == 0 ? "th" : "td").append('>');
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
