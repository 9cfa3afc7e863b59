package nl.evidencestore.shared.error;

/**
 * A field refused by the record that holds it, as its constructor checks it: the field's name
 * (as the record knows it) and the rule it broke, so that a body reader can name the field's
 * whole JSON path in a 400 (api.md). Still an {@link IllegalArgumentException} whose message
 * reads "field rule", for every caller that builds the record from something else.
 */
public class FieldRefusal extends IllegalArgumentException {
    private final String field;
    private final String rule;

    public FieldRefusal(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the field's name: "is required". */
    public String rule() {
        return rule;
    }
}
