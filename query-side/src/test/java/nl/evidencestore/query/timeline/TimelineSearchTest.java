package nl.evidencestore.query.timeline;

import static nl.evidencestore.query.Fixtures.AGREEMENT;
import static nl.evidencestore.query.Fixtures.CONTROLLER;
import static nl.evidencestore.query.Fixtures.DRAFTED_RECORDED;
import static nl.evidencestore.query.Fixtures.OTHER_AGREEMENT;
import static nl.evidencestore.query.Fixtures.OTHER_CONTROLLER;
import static nl.evidencestore.query.Fixtures.drafted;
import static nl.evidencestore.query.Fixtures.forwarded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import nl.evidencestore.query.Category;
import nl.evidencestore.query.ErasedKeys;
import nl.evidencestore.shared.error.InvalidInput;
import nl.evidencestore.shared.error.UnknownResource;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.event.access.VerdictReassessed;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;
import nl.evidencestore.shared.subject.SealedSubject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineSearchTest {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    /** As the command side seals it: the views must carry neither the key's ciphertext nor anything else of it. */
    private static final SealedSubject SUBJECT = new SealedSubject("3f0c6d0e-key", "bm9uY2UxMjM0NTY3Y2lwaGVydGV4dHRhZw==");

    @TempDir
    Path dir;
    private TimelineIndex index;
    private TimelineSearch search;
    private final ErasedKeys erasedKeys = new ErasedKeys();
    private long position = 100;
    /** The offset of the next record of the events topic, which each added event takes. */
    private long offset;

    @BeforeEach
    void openIndexWithTwoControllers() {
        index = TimelineIndex.open(dir);
        search = new TimelineSearch(index, erasedKeys);
        index.add(forwarded("ev-drafted", 1, 1, DRAFTED_RECORDED, drafted(AGREEMENT, CONTROLLER)), offset++);
        index.add(forwarded("ev-other-drafted", 1, 2, DRAFTED_RECORDED, drafted(OTHER_AGREEMENT, OTHER_CONTROLLER)),
                offset++);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void combinesFilterValuesWithOrWithinAFieldAndAndAcrossFields() {
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "BSN");
        add("a2", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 2, "DENTAL_PHOTOS", "SURNAME");
        add("a3", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 3, "SURNAME");
        add("a4", AGREEMENT, "emp-2", "REMOTE_SUPPORT", 4, "BSN");

        TimelinePage page = search.search(TimelineQuery.all().withFilters(List.of(), List.of(), List.of("emp-1"),
                List.of("BSN", "DENTAL_PHOTOS"), List.of(), List.of()));

        assertThat(ids(page)).containsExactly("a2", "a1");
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.totalExact()).isTrue();
    }

    @Test
    void filtersOnSensitivityVerdictAndController() {
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "BSN");
        add("a2", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 2, "SURNAME");
        addViolation("a3", AGREEMENT, 3, new Violation("1.3", "purpose not allowed"));
        add("b1", OTHER_AGREEMENT, "emp-1", "REMOTE_SUPPORT", 4, "BSN");

        assertThat(ids(search.search(TimelineQuery.all().withSensitive(true)))).containsExactly("b1", "a3", "a1");
        assertThat(ids(search.search(TimelineQuery.all().withSensitive(false)))).containsExactly("a2");
        assertThat(ids(search.search(TimelineQuery.all().withFilters(List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of("VIOLATION"))))).containsExactly("a3");
        assertThat(ids(search.search(TimelineQuery.all().withFilters(List.of(), List.of(OTHER_CONTROLLER.value()),
                List.of(), List.of(), List.of(), List.of())))).containsExactly("b1");
    }

    @Test
    void boundsOccurredAtInclusivelyByFromAndTo() {
        for (int minute = 0; minute < 5; minute++) {
            add("a" + minute, AGREEMENT, "emp-1", "REMOTE_SUPPORT", minute, "SURNAME");
        }

        TimelinePage page = search.search(TimelineQuery.all()
                .withWindow(Optional.of(T0.plusSeconds(60)), Optional.of(T0.plusSeconds(180))));

        assertThat(ids(page)).containsExactly("a3", "a2", "a1");
    }

    @Test
    void listsNewestFirstAndBreaksTiesByLogPosition() {
        add("first", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 5, "SURNAME");
        add("second", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 5, "SURNAME");
        add("older", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "SURNAME");

        assertThat(ids(search.search(TimelineQuery.all()))).containsExactly("second", "first", "older");
    }

    @Test
    void cursorPagesVisitEveryHitOnceWhileAccessesKeepArriving() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            // Pairs share an instant, so the tiebreaker is exercised at page boundaries too.
            add("a" + i, AGREEMENT, "emp-1", "REMOTE_SUPPORT", i / 2, "SURNAME");
            expected.add("a" + i);
        }
        List<String> visited = new ArrayList<>();
        TimelineQuery query = TimelineQuery.all().withPage(7, Optional.empty());
        TimelinePage page = search.search(query);
        int pages = 1;
        visited.addAll(ids(page));
        while (page.nextCursor() != null) {
            // Newer accesses must not shift the pages; a late one older than everything is still ahead of the cursor.
            add("new" + pages, AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1_000 + pages, "SURNAME");
            add("late" + pages, AGREEMENT, "emp-1", "REMOTE_SUPPORT", -pages, "SURNAME");
            expected.add("late" + pages);
            page = search.search(query.withPage(7, Optional.of(TimelineCursor.decode(page.nextCursor()))));
            visited.addAll(ids(page));
            pages++;
        }

        assertThat(visited).doesNotHaveDuplicates();
        assertThat(new HashSet<>(visited)).isEqualTo(expected);
    }

    @Test
    void cursorPagesVisitEveryAccessOnceInOrderWhenAccessesShareOccurredAtAndPosition() {
        // In log order. An event that fills a gap in the event store's positions is forwarded with
        // the highest position seen so far: the same as the event before it.
        List<String> logOrder = List.of("p1", "p2", "p3", "q1", "r1", "r2", "s1", "t1", "t2");
        int[] minutes = {3, 3, 3, 3, 2, 2, 4, 1, 1};
        long[] positions = {200, 200, 200, 201, 202, 202, 199, 203, 203};
        for (int i = 0; i < logOrder.size(); i++) {
            indexAt(logOrder.get(i), minutes[i], positions[i]);
        }
        List<String> newestFirst = List.of("s1", "q1", "p3", "p2", "p1", "r2", "r1", "t2", "t1");

        for (int limit : new int[] {1, 2, 3}) {
            assertThat(allPages(TimelineQuery.all(), limit)).as("limit " + limit)
                    .containsExactlyElementsOf(newestFirst);
        }
        assertThat(ids(search.search(TimelineQuery.all()))).containsExactlyElementsOf(newestFirst);
    }

    /** Where the feed left an access: its minute, the position it was forwarded with, its latest record. */
    private record Placed(String accessId, int minute, long logPosition, long offset) {
    }

    @Test
    void cursorPagesFollowOccurredAtThenRecordOrderThroughRandomTiesRedeliveriesAndSegments() {
        SplittableRandom random = new SplittableRandom(20_261_126);
        Map<String, Placed> placed = new HashMap<>();
        List<String> accessIds = new ArrayList<>();
        long logPosition = 500;
        for (int i = 0; i < 300; i++) {
            Placed access;
            if (!accessIds.isEmpty() && random.nextInt(10) == 0) { // delivered again, as it was forwarded
                // Once searchers see it, it keeps its place under a new record.
                index.refresh();
                access = placed.get(accessIds.get(random.nextInt(accessIds.size())));
            } else {
                // Two in three take the next position; the others fill a gap and repeat the last one.
                logPosition += random.nextInt(3) == 0 ? 0 : 1;
                access = new Placed("x" + i, random.nextInt(6), logPosition, offset);
                accessIds.add(access.accessId());
            }
            placed.put(access.accessId(), access);
            // A redelivery is a record of its own: a new offset, which the index does not take.
            index.add(forwarded("ev-" + access.accessId(), 1, access.logPosition(), T0,
                    compliantAccess(access.accessId(), access.minute())), offset++);
            if (random.nextInt(25) == 0) {
                index.refresh(); // a segment of its own
            }
        }
        index.refresh();
        List<String> newestFirst = placed.values().stream()
                .sorted(Comparator.comparingInt(Placed::minute).thenComparingLong(Placed::offset).reversed())
                .map(Placed::accessId).toList();

        for (int limit : new int[] {1, 2, 7, 50}) {
            assertThat(allPages(TimelineQuery.all(), limit)).as("limit " + limit)
                    .containsExactlyElementsOf(newestFirst);
        }
    }

    @Test
    void aRedeliveredAccessKeepsItsPlaceOnce() {
        for (String accessId : List.of("p1", "p2", "p3")) {
            indexAt(accessId, 3, 200);
        }
        indexAt("p2", 3, 200); // the forwarder restarted and sent it again: a new record

        for (int limit : new int[] {1, 2}) {
            assertThat(allPages(TimelineQuery.all(), limit)).as("limit " + limit).containsExactly("p3", "p2", "p1");
        }
    }

    @Test
    void anAccessSentAgainWhileAClientPagesIsListedOnce() {
        for (String accessId : List.of("p1", "p2", "p3")) {
            indexAt(accessId, 3, 200);
        }
        TimelinePage page = search.search(TimelineQuery.all().withPage(1, Optional.empty()));
        List<String> visited = new ArrayList<>(ids(page));
        indexAt("p1", 3, 200); // sent again between two pages: a new record, a higher offset
        while (page.nextCursor() != null) {
            page = search.search(TimelineQuery.all().withPage(1, Optional.of(TimelineCursor.decode(page.nextCursor()))));
            visited.addAll(ids(page));
        }

        assertThat(visited).containsExactly("p3", "p2", "p1");
    }

    @Test
    void aReassessedAccessKeepsItsPlaceInTheTimelineAndUnderTheCursor() {
        for (String accessId : List.of("r1", "r2", "r3")) {
            indexAt(accessId, 3, 300);
        }
        AccessRecorded recorded = compliantAccess("r2", 3);
        Verdict current = Verdict.of(List.of(new Violation("1.3", "purpose not allowed")));
        index.add(forwarded("ev-reassessed-r2", 2, 301, T0.plusSeconds(3_600), new VerdictReassessed(AGREEMENT, "r2",
                recorded.facts(), recorded.verdict(), current, "ev-cause")), offset++);
        index.refresh();

        for (int limit : new int[] {1, 2}) {
            assertThat(allPages(TimelineQuery.all(), limit)).as("limit " + limit).containsExactly("r3", "r2", "r1");
        }
        assertThat(search.search(TimelineQuery.all()).items()).extracting(TimelineItem::accessId, TimelineItem::verdict)
                .containsExactly(tuple("r3", "COMPLIANT"), tuple("r2", "VIOLATION"), tuple("r1", "COMPLIANT"));
    }

    @Test
    void facetsCountEveryHitOfTheQueryNotOnlyThePage() {
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "BSN", "SURNAME");
        add("a2", AGREEMENT, "emp-2", "DATABASE_CONVERSION", 2, "SURNAME");
        add("a3", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 3, "DENTAL_NOTES");
        addViolation("a4", AGREEMENT, 4, new Violation("1.1", "no instruction reference"));
        add("b1", OTHER_AGREEMENT, "emp-9", "REMOTE_SUPPORT", 5, "BSN");

        TimelinePage page = search.search(TimelineQuery.all()
                .withFilters(List.of(AGREEMENT.value()), List.of(), List.of(), List.of(), List.of(), List.of())
                .withPage(1, Optional.empty()));

        assertThat(page.items()).hasSize(1);
        assertThat(page.total()).isEqualTo(4);
        TimelinePage second = search.search(TimelineQuery.all()
                .withFilters(List.of(AGREEMENT.value()), List.of(), List.of(), List.of(), List.of(), List.of())
                .withPage(1, Optional.of(TimelineCursor.decode(page.nextCursor()))));
        assertThat(ids(second)).containsExactly("a3");
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.facets()).isEqualTo(page.facets());
        assertThat(page.facets().get("actor")).containsExactlyInAnyOrderEntriesOf(
                Map.of("emp-1", 2L, "emp-2", 1L, "sys-1", 1L));
        assertThat(page.facets().get("category")).containsExactlyInAnyOrderEntriesOf(
                Map.of("BSN", 2L, "SURNAME", 3L, "DENTAL_NOTES", 1L));
        assertThat(page.facets().get("purpose")).containsExactlyInAnyOrderEntriesOf(
                Map.of("REMOTE_SUPPORT", 3L, "DATABASE_CONVERSION", 1L));
        assertThat(page.facets().get("verdict")).containsExactlyInAnyOrderEntriesOf(
                Map.of("COMPLIANT", 3L, "VIOLATION", 1L));
    }

    @Test
    void countsAnEventDeliveredTwiceOnceInTotalAndFacets() {
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "BSN");
        position--; // Kafka delivers the same event (id and position) again: it replaces the first
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "BSN");

        TimelinePage page = search.search(TimelineQuery.all());

        assertThat(ids(page)).containsExactly("a1");
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.facets().get("actor")).containsExactlyEntriesOf(Map.of("emp-1", 1L));
    }

    @Test
    void countsEveryHitExactlyAlsoPastTenThousand() {
        int hits = 10_050; // quality.md W4 asks the total exact up to 10,000
        for (int i = 0; i < hits; i++) {
            position++;
            index.add(forwarded("ev-many-" + i, position, position, T0, new AccessRecorded(AGREEMENT, "many-" + i,
                    new Actor("emp-1", ActorKind.EMPLOYEE, null), Purpose.of("REMOTE_SUPPORT"), "t",
                    List.of(DataCategory.of("SURNAME")), SUBJECT, Country.of("NL"), "s", T0.plusSeconds(i),
                    Verdict.of(List.of()), true, false, "eea-2026-01")), offset++);
        }
        index.refresh();

        TimelinePage page = search.search(TimelineQuery.all().withPage(10, Optional.empty()));

        assertThat(page.total()).isEqualTo(hits);
        assertThat(page.totalExact()).isTrue();
        assertThat(page.facetsExact()).isTrue();
        assertThat(page.facets().get("actor")).containsEntry("emp-1", (long) hits);
    }

    @Test
    void countsFacetsOnAScaledSampleBeyondTheExactLimitAndSaysSo() {
        TimelineSearch sampling = new TimelineSearch(index, erasedKeys, 100);
        int hits = 1_000;
        for (int i = 0; i < hits; i++) {
            position++;
            String actor = i % 4 == 0 ? "emp-2" : "emp-1";
            index.add(forwarded("ev-many-" + i, position, position, T0, new AccessRecorded(AGREEMENT, "many-" + i,
                    new Actor(actor, ActorKind.EMPLOYEE, null), Purpose.of("REMOTE_SUPPORT"), "t",
                    List.of(DataCategory.of("SURNAME")), SUBJECT, Country.of("NL"), "s", T0.plusSeconds(i),
                    Verdict.of(List.of()), true, false, "eea-2026-01")), offset++);
        }
        index.refresh();

        TimelinePage sampled = sampling.search(TimelineQuery.all().withPage(10, Optional.empty()));
        TimelinePage again = sampling.search(TimelineQuery.all().withPage(10, Optional.empty()));
        TimelinePage few = sampling.search(TimelineQuery.all().withPage(10, Optional.empty())
                .withWindow(Optional.of(T0), Optional.of(T0.plusSeconds(59))));

        // The hits counted: the first 100 and a sample of about 50 of the rest, never all of them.
        assertThat(sampled.total()).isBetween(101L, 200L);
        assertThat(sampled.totalExact()).isFalse();
        assertThat(sampled.facetsExact()).isFalse();
        assertThat(sampled.facets().get("actor").get("emp-1")).isBetween(600L, 900L);
        assertThat(sampled.facets().get("actor").get("emp-2")).isBetween(130L, 370L);
        assertThat(sampled.facets().get("purpose").get("REMOTE_SUPPORT")).isBetween(900L, 1_100L);
        assertThat(again.facets()).isEqualTo(sampled.facets());
        assertThat(few.total()).isEqualTo(60);
        assertThat(few.totalExact()).isTrue();
        assertThat(few.facetsExact()).isTrue();
        assertThat(few.facets().get("actor")).containsExactlyInAnyOrderEntriesOf(Map.of("emp-1", 45L, "emp-2", 15L));
    }

    @Test
    void scopesAnAuditorInsideTheQuery() {
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "BSN");
        add("b1", OTHER_AGREEMENT, "emp-1", "REMOTE_SUPPORT", 2, "BSN");
        TimelineQuery auditor = TimelineQuery.all().scopedTo(Set.of(CONTROLLER));

        TimelinePage page = search.search(auditor);
        assertThat(ids(page)).containsExactly("a1");
        assertThat(page.facets().get("actor")).containsExactlyEntriesOf(Map.of("emp-1", 1L));
        assertThat(ids(search.search(auditor.withText("emp")))).containsExactly("a1");
        assertThat(ids(search.search(auditor.withText("emp-1")))).containsExactly("a1");
    }

    @Test
    void answersAnAuditorNamingAnotherControllerOrItsAgreementAsIfItDidNotExist() {
        TimelineQuery auditor = TimelineQuery.all().scopedTo(Set.of(CONTROLLER));

        assertThatThrownBy(() -> search.search(auditor.withFilters(List.of(), List.of(OTHER_CONTROLLER.value()),
                List.of(), List.of(), List.of(), List.of()))).isInstanceOf(UnknownResource.class);
        assertThatThrownBy(() -> search.search(auditor.withFilters(List.of(OTHER_AGREEMENT.value()), List.of(),
                List.of(), List.of(), List.of(), List.of()))).isInstanceOf(UnknownResource.class);
        assertThatThrownBy(() -> search.search(auditor.withFilters(List.of("agr-unknown"), List.of(),
                List.of(), List.of(), List.of(), List.of()))).isInstanceOf(UnknownResource.class);
        assertThatThrownBy(() -> search.search(auditor.withText("controllerId:" + OTHER_CONTROLLER.value())))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void findsFreeTextInActorSystemInstructionPurposeAndViolationReasons() {
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "SURNAME");
        addViolation("a2", AGREEMENT, 2, new Violation("3.2", "transfer outside the EEA without consent"));

        assertThat(ids(search.search(TimelineQuery.all().withText("visiquick")))).containsExactly("a2", "a1");
        assertThat(ids(search.search(TimelineQuery.all().withText("\"outside the EEA\"")))).containsExactly("a2");
        assertThat(ids(search.search(TimelineQuery.all().withText("ticket-a1")))).containsExactly("a1");
        assertThat(ids(search.search(TimelineQuery.all().withText("ticket-a9")))).isEmpty();
        assertThat(ids(search.search(TimelineQuery.all().withText("remote_support AND emp")))).containsExactly("a1");
        assertThat(ids(search.search(TimelineQuery.all().withText("tick*")))).containsExactly("a1");
    }

    @Test
    void refusesSyntaxErrorsAndUnboundedQueriesAsInvalidInput() {
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "SURNAME");

        for (String q : List.of("emp AND (", "\"unclosed", "*port", "?mp-1", "/em.*/", "emp~2", "[a TO", "", "x".repeat(1_001))) {
            assertThatThrownBy(() -> search.search(TimelineQuery.all().withText(q)))
                    .as(q).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).errors()).extracting("field").containsExactly("q"));
        }
    }

    @Test
    void neverIndexesOrReturnsTheSubjectReference() {
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "SURNAME");

        TimelinePage page = search.search(TimelineQuery.all());
        assertThat(new String(Json.write(page), StandardCharsets.UTF_8)).doesNotContain(SUBJECT.ciphertext()).contains("a1");
        assertThat(ids(search.search(TimelineQuery.all().withText(SUBJECT.ciphertext())))).isEmpty();
        assertThat(ids(search.search(TimelineQuery.all().withText("patient*")))).isEmpty();
    }

    @Test
    void marksTheAccessesOfAnErasedSubjectAtReadTime() {
        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "SURNAME");
        SealedSubject other = new SealedSubject("7d2e-other-key", "b3RoZXJjaXBoZXJ0ZXh0");
        index(new AccessRecorded(AGREEMENT, "a2", new Actor("emp-1", ActorKind.EMPLOYEE, null),
                Purpose.of("REMOTE_SUPPORT"), "ticket-a2", List.of(DataCategory.of("SURNAME")), other, Country.of("NL"),
                "visiquick-support", T0.plusSeconds(120), Verdict.of(List.of()), true, false, "eea-2026-01"), 2);
        assertThat(search.search(TimelineQuery.all()).items()).noneMatch(TimelineItem::subjectErased);

        erasedKeys.erase(SUBJECT.keyId());

        assertThat(search.search(TimelineQuery.all()).items())
                .extracting(TimelineItem::accessId, TimelineItem::subjectErased)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a2", false),
                        org.assertj.core.groups.Tuple.tuple("a1", true));
    }

    @Test
    void returnsTheAccessWithItsControllerCategoriesAndVerdict() {
        addViolation("a1", AGREEMENT, 1, new Violation("1.1", "no instruction reference"));

        TimelineItem item = search.search(TimelineQuery.all()).items().get(0);

        assertThat(item.accessId()).isEqualTo("a1");
        assertThat(item.controllerId()).isEqualTo(CONTROLLER.value());
        assertThat(item.agreementId()).isEqualTo(AGREEMENT.value());
        assertThat(item.actor()).isEqualTo(new Actor("sys-1", ActorKind.SYSTEM, null));
        assertThat(item.categories()).containsExactly(new Category(DataCategory.of("BSN"), true),
                new Category(DataCategory.of("SURNAME"), false));
        assertThat(item.sensitive()).isTrue();
        assertThat(item.verdict()).isEqualTo("VIOLATION");
        assertThat(item.violations()).containsExactly(new Violation("1.1", "no instruction reference"));
        assertThat(item.occurredAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void remembersEachAgreementsControllerAcrossARestart() {
        index.commit(2, 2);
        index.close();
        index = TimelineIndex.open(dir);
        search = new TimelineSearch(index, erasedKeys);

        add("a1", AGREEMENT, "emp-1", "REMOTE_SUPPORT", 1, "SURNAME");

        assertThat(index.controllerOf(OTHER_AGREEMENT)).contains(OTHER_CONTROLLER);
        assertThat(ids(search.search(TimelineQuery.all().scopedTo(Set.of(CONTROLLER))))).containsExactly("a1");
    }

    private void add(String accessId, AgreementId agreement, String actor, String purpose, int minute,
                     String... categories) {
        index(new AccessRecorded(agreement, accessId, new Actor(actor, ActorKind.EMPLOYEE, null), Purpose.of(purpose),
                "ticket-" + accessId, Arrays.stream(categories).map(DataCategory::of).toList(), SUBJECT,
                Country.of("NL"), "visiquick-support", T0.plusSeconds(60L * minute), Verdict.of(List.of()), true,
                false, "eea-2026-01"), minute);
    }

    private void addViolation(String accessId, AgreementId agreement, int minute, Violation violation) {
        index(new AccessRecorded(agreement, accessId, new Actor("sys-1", ActorKind.SYSTEM, null),
                Purpose.of("REMOTE_SUPPORT"), null, List.of(DataCategory.of("BSN"), DataCategory.of("SURNAME")),
                SUBJECT, Country.of("US"), "visiquick-conversion", T0.plusSeconds(60L * minute),
                Verdict.of(List.of(violation)), false, true, "eea-2026-01"), minute);
    }

    private void index(AccessRecorded access, int minute) {
        position++;
        index.add(forwarded("ev-" + access.accessId(), position, position, T0.plusSeconds(60L * minute + 1), access),
                offset++);
        index.refresh();
    }

    /** An access of {@code AGREEMENT} at {@code minute}, forwarded with that log position. */
    private void indexAt(String accessId, int minute, long logPosition) {
        index.add(forwarded("ev-" + accessId, 1, logPosition, T0.plusSeconds(60L * minute + 1),
                compliantAccess(accessId, minute)), offset++);
        index.refresh();
    }

    private static AccessRecorded compliantAccess(String accessId, int minute) {
        return new AccessRecorded(AGREEMENT, accessId, new Actor("emp-1", ActorKind.EMPLOYEE, null),
                Purpose.of("REMOTE_SUPPORT"), "ticket-" + accessId, List.of(DataCategory.of("SURNAME")), SUBJECT,
                Country.of("NL"), "visiquick-support", T0.plusSeconds(60L * minute), Verdict.of(List.of()), true,
                false, "eea-2026-01");
    }

    /** The ids of every page of the query, following each page's cursor. */
    private List<String> allPages(TimelineQuery query, int limit) {
        List<String> visited = new ArrayList<>();
        TimelinePage page = search.search(query.withPage(limit, Optional.empty()));
        visited.addAll(ids(page));
        while (page.nextCursor() != null) {
            page = search.search(query.withPage(limit, Optional.of(TimelineCursor.decode(page.nextCursor()))));
            visited.addAll(ids(page));
        }
        return visited;
    }

    private static List<String> ids(TimelinePage page) {
        return page.items().stream().map(TimelineItem::accessId).toList();
    }
}
