package nl.evidencestore.infra.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.evidencestore.shared.event.EventTypes;
import nl.evidencestore.shared.event.EvidenceEvent;
import nl.evidencestore.shared.event.access.AccessRecorded;
import nl.evidencestore.shared.subject.SealedSubject;
import nl.evidencestore.shared.event.agreement.AgreementDrafted;
import nl.evidencestore.shared.json.Json;
import nl.evidencestore.shared.json.RawJson;
import nl.evidencestore.shared.kafka.ForwardedEvent;
import nl.evidencestore.shared.model.Actor;
import nl.evidencestore.shared.model.ActorKind;
import nl.evidencestore.shared.model.AgreementId;
import nl.evidencestore.shared.model.ControllerId;
import nl.evidencestore.shared.model.ControllerParty;
import nl.evidencestore.shared.model.Country;
import nl.evidencestore.shared.model.DataCategory;
import nl.evidencestore.shared.model.ProcessorParty;
import nl.evidencestore.shared.model.Purpose;
import nl.evidencestore.shared.model.Verdict;
import nl.evidencestore.shared.model.Violation;

/**
 * W4's synthetic history, as forwarded events: the agreements' drafts, then accesses spread over
 * two years in log order, with skewed agreements (a few big practices, many small ones), a few
 * hundred actors, sensitive and ordinary categories, ~5 % violations, mostly Dutch countries.
 * The same seed gives the same corpus, so two runs index the same documents.
 */
public final class AccessCorpus {
    public static final Instant START = Instant.parse("2024-12-01T00:00:00Z");
    public static final Duration SPAN = Duration.ofDays(730);
    public static final List<String> CATEGORIES = List.of("SURNAME", "FIRST_NAME", "DATE_OF_BIRTH", "HOME_ADDRESS",
            "PHONE_NUMBER", "EMAIL", "BSN", "DENTAL_NOTES", "DENTAL_PHOTOS");
    public static final List<String> PURPOSES = List.of("REMOTE_SUPPORT", "DATABASE_CONVERSION", "BACKUP_RESTORE",
            "SOFTWARE_UPDATE", "INCIDENT_INVESTIGATION");
    public static final List<String> SYSTEMS = List.of("visiquick-remote-support-console", "visiquick-conversion",
            "citodent-backup", "citodent-updater", "zendesk-bridge", "imaging-gateway", "report-export", "audit-tool");
    private static final List<String> COUNTRIES = List.of("NL", "NL", "NL", "NL", "NL", "NL", "NL", "NL", "BE", "DE",
            "IE", "US", "IN");
    private static final List<Violation> VIOLATIONS = List.of(
            new Violation("1.3", "purpose not allowed by the agreement"),
            new Violation("2.3", "no instruction reference for an employee"),
            new Violation("11", "processed outside the EEA without an adequacy decision"),
            new Violation("Annex 1", "category not listed in Annex 1 of the agreement"));
    public static final int ACTORS = 300;
    private static final int SYSTEM_ACTORS = 20;

    private final int agreements;
    private final int controllers;
    private final long accesses;
    private final long seed;

    public AccessCorpus(int agreements, long accesses, long seed) {
        if (agreements < 1 || accesses < 1) {
            throw new IllegalArgumentException("a corpus needs at least one agreement and one access");
        }
        this.agreements = agreements;
        // Some practices renew or add an agreement: five agreements for every four controllers.
        this.controllers = Math.max(1, agreements * 4 / 5);
        this.accesses = accesses;
        this.seed = seed;
    }

    public int agreements() {
        return agreements;
    }

    public long accesses() {
        return accesses;
    }

    public static String agreementId(int i) {
        return "bench-agr-" + i;
    }

    public String controllerOf(int agreement) {
        return "bench-practice-" + agreement % controllers;
    }

    /** The drafts, one per agreement, at positions 1..agreements. */
    public List<ForwardedEvent> drafts() {
        List<ForwardedEvent> drafts = new ArrayList<>(agreements);
        for (int i = 0; i < agreements; i++) {
            AgreementDrafted drafted = new AgreementDrafted(AgreementId.of(agreementId(i)),
                    new ControllerParty(ControllerId.of(controllerOf(i)), "Praktijk " + i, "Straat " + i, "Tandarts " + i),
                    new ProcessorParty("Citodent Imaging B.V.", "Amstel 312, Amsterdam", "P. Reijers"),
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "2025-11-06",
                    CATEGORIES.stream().map(DataCategory::of).toList(), PURPOSES.stream().map(Purpose::of).toList(),
                    List.of(), false);
            drafts.add(forwarded(i + 1, START, drafted));
        }
        return drafts;
    }

    /** Access number {@code i} (0-based): a pure function of the seed and {@code i}. */
    public ForwardedEvent access(long i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        Instant occurredAt = START.plusMillis(SPAN.toMillis() * i / accesses + random.nextInt(60_000));
        int agreement = skewed(random, agreements);
        int actorNumber = skewed(random, ACTORS);
        boolean system = actorNumber < SYSTEM_ACTORS;
        Actor actor = new Actor(system ? "sys-" + actorNumber : "emp-" + actorNumber,
                system ? ActorKind.SYSTEM : ActorKind.EMPLOYEE, null);
        List<DataCategory> categories = new ArrayList<>();
        for (int c = 0, n = 1 + random.nextInt(3); c < n; c++) {
            categories.add(DataCategory.of(CATEGORIES.get(skewed(random, CATEGORIES.size()))));
        }
        boolean violation = random.nextInt(20) == 0;
        Verdict verdict = Verdict.of(violation ? List.of(VIOLATIONS.get(random.nextInt(VIOLATIONS.size()))) : List.of());
        String instructionRef = random.nextInt(10) == 0 ? null : "ZD-" + (100_000 + random.nextInt(900_000));
        AccessRecorded access = new AccessRecorded(AgreementId.of(agreementId(agreement)), "bench-acc-" + i, actor,
                Purpose.of(PURPOSES.get(skewed(random, PURPOSES.size()))), instructionRef, categories,
                new SealedSubject("key-" + random.nextInt(2_000_000), "c2VhbGVkLXN1YmplY3Q="), Country.of(COUNTRIES.get(random.nextInt(COUNTRIES.size()))),
                SYSTEMS.get(random.nextInt(SYSTEMS.size())), occurredAt, verdict, instructionRef != null,
                random.nextInt(50) == 0, "eea-adequacy-2025-06");
        return forwarded(agreements + 1 + i, occurredAt.plusSeconds(1 + random.nextInt(5)), access);
    }

    /** 0..n-1, low numbers more often: a square of a uniform draw. */
    static int skewed(SplittableRandom random, int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    private static ForwardedEvent forwarded(long position, Instant recordedAt, EvidenceEvent event) {
        return new ForwardedEvent("bench-ev-" + position, EventTypes.nameOf(event.getClass()), event.streamId(), 1,
                position, recordedAt, RawJson.of(Json.mapper().valueToTree(event)));
    }
}
