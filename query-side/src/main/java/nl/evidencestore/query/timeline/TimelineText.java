package nl.evidencestore.query.timeline;

import java.util.HashSet;
import java.util.Set;
import nl.evidencestore.shared.error.InvalidInput;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The {@code q} parameter: Lucene's classic syntax over the free-text field only. quality.md W4
 * refuses the unbounded forms (regex, fuzzy, leading wildcard); every refusal and syntax error
 * is a 400 naming {@code q}, never a 500 and never an echo of the query.
 */
final class TimelineText {
    static final int MAX_LENGTH = 1_000;

    private TimelineText() {
    }

    static Query parse(String q) {
        if (q.isBlank() || q.length() > MAX_LENGTH) {
            throw new InvalidInput("q", "must be 1 to " + MAX_LENGTH + " characters of Lucene query syntax");
        }
        Query query;
        try {
            query = new BoundedParser().parse(q);
        } catch (ParseException | TokenMgrError | IndexSearcher.TooManyClauses
                 | TooComplexToDeterminizeException e) {
            throw new InvalidInput("q", "is not a valid query: Lucene classic syntax, without regular expressions,"
                    + " fuzzy terms or leading wildcards");
        }
        Set<String> fields = fieldsOf(query);
        fields.remove(TimelineDocuments.TEXT);
        if (!fields.isEmpty()) {
            throw new InvalidInput("q", "searches the free text only; use the filter parameters for other fields");
        }
        return query;
    }

    private static Set<String> fieldsOf(Query query) {
        Set<String> fields = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                for (Term term : terms) {
                    fields.add(term.field());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return fields;
    }

    private static final class BoundedParser extends QueryParser {
        BoundedParser() {
            super(TimelineDocuments.TEXT, new StandardAnalyzer());
            setAllowLeadingWildcard(false);
            // "ticket-42" should find that ticket, not every access that names any ticket.
            setDefaultOperator(QueryParser.Operator.AND);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("regular expressions are refused");
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            throw new ParseException("fuzzy terms are refused");
        }
    }
}
