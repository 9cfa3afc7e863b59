package nl.evidencestore.shared.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.ValidTime;

/**
 * Where personal data may go without the controller's consent for that country (Art. 3.2): the
 * EEA, and countries with an EU adequacy decision. Dated, so that an access is judged by the
 * entries valid when it occurred; versioned, so that each verdict names the list that judged it.
 *
 * <p>Compiled from the European Commission's list of adequacy decisions and the EEA's
 * membership; review it when the Commission adopts, renews or withdraws a decision, and bump
 * {@link #VERSION}.
 */
public final class ReferenceData {
    public static final String VERSION = "eea-adequacy-2025-06";
    /** When the entries below were last compared with the Commission's published list. */
    public static final LocalDate LAST_CHECKED = LocalDate.of(2025, 6, 30);

    /** A whole country, or only organisations certified under a framework (the US, Canada's PIPEDA). */
    public enum Scope {
        WHOLE_COUNTRY,
        CERTIFIED_ORGANISATIONS_ONLY
    }

    record Entry(String country, LocalDate from, LocalDate until, Scope scope, String basis) {
        boolean holdsAt(Instant instant) {
            return ValidTime.holds(from, instant) && (until == null || !ValidTime.holds(until, instant));
        }
    }

    private static final LocalDate EEA_START = LocalDate.of(1994, 1, 1);
    /** When {@link #EEA_START} holds from, found once: nearly every access is judged against it. */
    private static final Instant EEA_STARTS = ValidTime.startOf(EEA_START);
    private static final Set<String> EEA_SINCE_START = Set.of("AT", "BE", "DE", "DK", "ES", "FI", "FR", "GR", "IE",
            "IT", "LU", "NL", "PT", "SE", "IS", "NO");

    private static final List<Entry> EEA = List.of(
            eea("LI", "1995-05-01", null), eea("CY", "2004-05-01", null), eea("CZ", "2004-05-01", null),
            eea("EE", "2004-05-01", null), eea("HU", "2004-05-01", null), eea("LV", "2004-05-01", null),
            eea("LT", "2004-05-01", null), eea("MT", "2004-05-01", null), eea("PL", "2004-05-01", null),
            eea("SK", "2004-05-01", null), eea("SI", "2004-05-01", null), eea("BG", "2007-01-01", null),
            eea("RO", "2007-01-01", null), eea("HR", "2013-07-01", null),
            // Left the EU on 2020-01-31; EU data protection law applied until the transition ended.
            eea("GB", "1994-01-01", "2021-01-01"));

    private static final List<Entry> ADEQUACY = List.of(
            adequate("AD", "2010-10-19", null, Scope.WHOLE_COUNTRY, "Decision 2010/625/EU"),
            adequate("AR", "2003-06-30", null, Scope.WHOLE_COUNTRY, "Decision 2003/490/EC"),
            adequate("CA", "2001-12-20", null, Scope.CERTIFIED_ORGANISATIONS_ONLY, "Decision 2002/2/EC (organisations subject to PIPEDA)"),
            adequate("CH", "2000-07-26", null, Scope.WHOLE_COUNTRY, "Decision 2000/518/EC"),
            adequate("FO", "2010-03-05", null, Scope.WHOLE_COUNTRY, "Decision 2010/146/EU"),
            adequate("GG", "2003-11-21", null, Scope.WHOLE_COUNTRY, "Decision 2003/821/EC"),
            adequate("IL", "2011-01-31", null, Scope.WHOLE_COUNTRY, "Decision 2011/61/EU"),
            adequate("IM", "2004-04-28", null, Scope.WHOLE_COUNTRY, "Decision 2004/411/EC"),
            adequate("JE", "2008-05-08", null, Scope.WHOLE_COUNTRY, "Decision 2008/393/EC"),
            adequate("JP", "2019-01-23", null, Scope.WHOLE_COUNTRY, "Implementing Decision (EU) 2019/419"),
            adequate("KR", "2021-12-17", null, Scope.WHOLE_COUNTRY, "Implementing Decision (EU) 2022/254"),
            adequate("NZ", "2012-12-19", null, Scope.WHOLE_COUNTRY, "Decision 2013/65/EU"),
            adequate("UY", "2012-08-21", null, Scope.WHOLE_COUNTRY, "Decision 2012/484/EU"),
            // The EU-UK Trade and Cooperation Agreement bridged the months until the decision.
            adequate("GB", "2021-01-01", null, Scope.WHOLE_COUNTRY, "TCA bridge; Implementing Decision (EU) 2021/1772"),
            adequate("US", "2016-08-01", "2020-07-16", Scope.CERTIFIED_ORGANISATIONS_ONLY, "Privacy Shield, annulled in C-311/18"),
            adequate("US", "2023-07-10", null, Scope.CERTIFIED_ORGANISATIONS_ONLY, "EU-US Data Privacy Framework, Implementing Decision (EU) 2023/1795"));

    private ReferenceData() {
    }

    public static boolean inEea(Country country, Instant instant) {
        if (EEA_SINCE_START.contains(country.code())) {
            return !instant.isBefore(EEA_STARTS);
        }
        return EEA.stream().anyMatch(e -> e.country().equals(country.code()) && e.holdsAt(instant));
    }

    /** The adequacy decision in force for that country at that instant, if any. */
    public static Optional<Scope> adequacy(Country country, Instant instant) {
        return ADEQUACY.stream()
                .filter(e -> e.country().equals(country.code()) && e.holdsAt(instant))
                .map(Entry::scope)
                .findFirst();
    }

    private static Entry eea(String country, String from, String until) {
        return new Entry(country, LocalDate.parse(from), until == null ? null : LocalDate.parse(until),
                Scope.WHOLE_COUNTRY, "EEA");
    }

    private static Entry adequate(String country, String from, String until, Scope scope, String basis) {
        return new Entry(country, LocalDate.parse(from), until == null ? null : LocalDate.parse(until), scope, basis);
    }
}
