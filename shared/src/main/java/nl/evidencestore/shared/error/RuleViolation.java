package nl.evidencestore.shared.error;

/** A well-formed command that the agreement refuses (HTTP 422): names the article and why. */
public class RuleViolation extends RuntimeException {
    private final String article;

    public RuleViolation(String article, String reason) {
        super(reason);
        this.article = article;
    }

    public String article() {
        return article;
    }
}
