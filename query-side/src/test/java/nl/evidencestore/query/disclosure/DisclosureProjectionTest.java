package nl.evidencestore.query.disclosure;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.OTHER_AGREEMENT;
import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.evidencestore.query.Category;
import nl.evidencestore.shared.event.disclosure.DisclosureRecorded;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.DisclosureBasis;
import nl.evidencestore.shared.rules.DisclosureRules;
import nl.evidencestore.shared.model.Verdict;
import org.junit.jupiter.api.Test;

class DisclosureProjectionTest {
    private static final Instant RECORDED = Instant.parse("2026-04-02T08:00:00Z");
    private final DisclosureProjection projection = new DisclosureProjection();

    private static DisclosureRecorded disclosure(String id, DisclosureBasis basis, LocalDate on) {
        return new DisclosureRecorded(AGREEMENT, id, "Kaakchirurgie Centrum", basis, null,
                basis == DisclosureBasis.OTHER ? "Sent by mistake" : null,
                List.of(DataCategory.of("SURNAME"), DataCategory.of("BSN")), on, DisclosureRules.judge(basis, null));
    }

    @Test
    void listsAnAgreementsDisclosuresEarliestFirstWithVerdictsAndSensitiveCategoriesMarked() {
        projection.on(forwarded("ev-2", 6, 21, RECORDED, disclosure("dis-2", DisclosureBasis.OTHER, LocalDate.of(2026, 4, 2))));
        projection.on(forwarded("ev-1", 5, 20, RECORDED, disclosure("dis-1", DisclosureBasis.LEGAL_OBLIGATION, LocalDate.of(2026, 4, 1))));

        List<DisclosureProjection.Disclosure> items = projection.of(AGREEMENT);

        assertThat(items).extracting(DisclosureProjection.Disclosure::disclosureId).containsExactly("dis-1", "dis-2");
        assertThat(items.get(0).verdict()).isEqualTo(Verdict.Outcome.COMPLIANT);
        assertThat(items.get(1).verdict()).isEqualTo(Verdict.Outcome.VIOLATION);
        assertThat(items.get(1).violations()).singleElement().satisfies(v -> assertThat(v.article()).isEqualTo("8.1"));
        assertThat(items.get(0).categories()).containsExactly(
                new Category(DataCategory.of("SURNAME"), false),
                new Category(DataCategory.of("BSN"), true));
        assertThat(projection.of(OTHER_AGREEMENT)).isEmpty();
    }

    @Test
    void aRedeliveredDisclosureIsListedOnce() {
        projection.on(forwarded("ev-1", 5, 20, RECORDED, disclosure("dis-1", DisclosureBasis.LEGAL_OBLIGATION, LocalDate.of(2026, 4, 1))));
        projection.on(forwarded("ev-1", 5, 20, RECORDED, disclosure("dis-1", DisclosureBasis.LEGAL_OBLIGATION, LocalDate.of(2026, 4, 1))));

        assertThat(projection.of(AGREEMENT)).hasSize(1);
    }
}
