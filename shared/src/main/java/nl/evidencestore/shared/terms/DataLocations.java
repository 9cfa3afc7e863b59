package nl.evidencestore.shared.terms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.evidencestore.shared.event.agreement.AgreementEvent;
import nl.evidencestore.shared.event.agreement.AgreementTerminated;
import nl.evidencestore.shared.event.agreement.DataLocationRegistered;
import nl.evidencestore.shared.event.agreement.DeletionConfirmed;
import nl.evidencestore.shared.event.agreement.DeletionObligationFulfilled;
import nl.evidencestore.shared.event.agreement.DeletionObligationOpened;
import nl.evidencestore.shared.event.agreement.DeletionOverdue;
import nl.evidencestore.shared.event.agreement.RetentionHoldPlaced;
import nl.evidencestore.shared.model.ValidTime;
import nl.evidencestore.shared.terms.DeletionAt.LocationAt;
import nl.evidencestore.shared.terms.DeletionAt.ObligationAt;

/**
 * Art. 11.2: where the processor holds the controller's data, and the deletion obligation that
 * opens when the agreement ends. A location is closed by a deletion, or by a retention hold that
 * lasts beyond the obligation's due instant (a hold that ends sooner postpones nothing). When a
 * hold ends without a deletion, deletion is due at that moment: the store raises
 * {@link DeletionOverdue} for the location and the obligation is open again until it is deleted.
 */
public final class DataLocations {
    private final Map<String, Location> locations = new LinkedHashMap<>();
    private LocalDate terminatedOn;
    private Instant dueAt;
    private boolean fulfilled;
    private final List<DeletionOverdue> overdue = new ArrayList<>();
    /** Which location was reported overdue at which deadline, so that no deadline reports twice. */
    private final Set<String> reported = new HashSet<>();

    /** {@code lapsed}: the hold no longer closes the location, since it ended and the location was reported overdue. */
    private record Location(DataLocationRegistered registered, DeletionConfirmed deletion, RetentionHoldPlaced hold,
                            boolean lapsed) {
        Location deleted(DeletionConfirmed deletion) {
            return new Location(registered, deletion, hold, lapsed);
        }

        Location held(RetentionHoldPlaced hold) {
            return new Location(registered, deletion, hold, false);
        }

        Location lapse() {
            return new Location(registered, deletion, hold, true);
        }
    }

    void apply(AgreementEvent event) {
        if (event instanceof DataLocationRegistered e) {
            locations.putIfAbsent(e.locationId(), new Location(e, null, null, false));
            if (dueAt != null) {
                fulfilled = false; // a location added after the end joins the obligation
            }
        } else if (event instanceof DeletionConfirmed e) {
            locations.computeIfPresent(e.locationId(), (id, l) -> l.deleted(e));
        } else if (event instanceof RetentionHoldPlaced e) {
            locations.computeIfPresent(e.locationId(), (id, l) -> l.held(e));
        } else if (event instanceof AgreementTerminated e) {
            terminatedOn = terminatedOn == null || e.terminatedOn().isBefore(terminatedOn) ? e.terminatedOn() : terminatedOn;
        } else if (event instanceof DeletionObligationOpened e) {
            dueAt = e.dueAt();
            fulfilled = false;
        } else if (event instanceof DeletionObligationFulfilled) {
            fulfilled = true;
        } else if (event instanceof DeletionOverdue e) {
            overdue.add(e);
            e.openLocationIds().forEach(id -> {
                reported.add(key(id, e.dueAt()));
                locations.computeIfPresent(id, (key, l) -> l.lapse());
            });
            fulfilled = false;
        }
    }

    /** A retention hold keeps the data through its {@code until} day; deletion is due when that day ends. */
    public static Instant holdEnds(LocalDate until) {
        return ValidTime.startOf(until.plusDays(1));
    }

    public boolean knows(String locationId) {
        return locations.containsKey(locationId);
    }

    public boolean deleted(String locationId) {
        return location(locationId).map(l -> l.deletion != null).orElse(false);
    }

    /** When the deletion obligation is due; empty while the agreement has not ended. */
    public Optional<Instant> dueAt() {
        return Optional.ofNullable(dueAt);
    }

    /** Opened, and not fulfilled (or no longer, since a location was added or a hold ended). */
    public boolean obligationOpen() {
        return dueAt != null && !fulfilled;
    }

    /** The locations whose data has not been deleted: what the obligation covers. */
    public List<String> holdingData() {
        return locations.values().stream().filter(l -> l.deletion == null).map(l -> l.registered.locationId()).toList();
    }

    /** Every location deleted, or held beyond the due instant by a hold that has not ended. */
    public boolean allClosed() {
        return dueAt != null && locations.values().stream()
                .allMatch(l -> l.deletion != null || !l.lapsed && heldThrough(l, dueAt));
    }

    /** The day the obligation was met: the agreement's end, or the last deletion if that came later. */
    public LocalDate fulfilledOn() {
        return Stream.concat(Stream.of(terminatedOn), locations.values().stream()
                        .filter(l -> l.deletion != null).map(l -> l.deletion.deletedOn()))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The locations still open at deadline {@code at}, leaving out those already reported for it. */
    public List<String> overdueAt(Instant at) {
        return locations.values().stream()
                .filter(l -> l.deletion == null && !heldThrough(l, at))
                .map(l -> l.registered.locationId())
                .filter(id -> !reported.contains(key(id, at)))
                .toList();
    }

    /** The holds that outlast the obligation's due instant, by location: each ends at a deadline of its own. */
    public Map<String, LocalDate> holdsBeyondDue() {
        Map<String, LocalDate> holds = new LinkedHashMap<>();
        locations.values().stream().filter(l -> l.deletion == null && dueAt != null && heldThrough(l, dueAt))
                .forEach(l -> holds.put(l.registered.locationId(), l.hold.until()));
        return holds;
    }

    /** Whether the hold until {@code until} ends with the location's data still there, after the obligation opened. */
    public boolean lapses(String locationId, LocalDate until) {
        return dueAt != null && location(locationId)
                .filter(l -> l.deletion == null && l.hold != null && !l.lapsed && l.hold.until().equals(until))
                .filter(l -> holdEnds(until).isAfter(dueAt))
                .filter(l -> !reported.contains(key(locationId, holdEnds(until))))
                .isPresent();
    }

    /** The locations and the obligation as they stood at {@code asOf} (valid time). */
    public DeletionAt at(Instant asOf) {
        boolean ended = dueAt != null && terminatedOn != null && ValidTime.holds(terminatedOn, asOf);
        List<LocationAt> views = locations.values().stream().map(l -> locationAt(l, asOf, ended)).toList();
        return new DeletionAt(views, ended ? obligationAt(views, asOf) : null);
    }

    private LocationAt locationAt(Location l, Instant asOf, boolean ended) {
        boolean deleted = l.deletion != null && ValidTime.holds(l.deletion.deletedOn(), asOf);
        boolean held = !deleted && l.hold != null && asOf.isBefore(holdEnds(l.hold.until()));
        LocationAt.State state = deleted ? LocationAt.State.DELETED : held ? LocationAt.State.HELD : LocationAt.State.OPEN;
        return new LocationAt(l.registered, state, deleted ? l.deletion : null, l.hold,
                ended && !deleted ? dueOf(l) : null);
    }

    private ObligationAt obligationAt(List<LocationAt> views, Instant asOf) {
        List<LocationAt> open = views.stream()
                .filter(v -> v.state() == LocationAt.State.OPEN
                        || v.state() == LocationAt.State.HELD && !holdEnds(v.hold().until()).isAfter(dueAt))
                .toList();
        ObligationAt.Status status = open.isEmpty() ? ObligationAt.Status.FULFILLED
                : open.stream().anyMatch(v -> !asOf.isBefore(v.dueAt())) ? ObligationAt.Status.OVERDUE
                : ObligationAt.Status.OPEN;
        LocalDate fulfilledOn = status != ObligationAt.Status.FULFILLED ? null
                : Stream.concat(Stream.of(terminatedOn), views.stream()
                        .filter(v -> v.deletion() != null).map(v -> v.deletion().deletedOn()))
                .max(Comparator.naturalOrder()).orElseThrow();
        return new ObligationAt(status, dueAt, fulfilledOn,
                open.stream().map(v -> v.location().locationId()).toList(),
                overdue.stream().filter(o -> !asOf.isBefore(o.dueAt())).toList());
    }

    /** Deletion is due when the obligation is, or when a hold that outlasts it ends. */
    private Instant dueOf(Location l) {
        if (l.hold != null && holdEnds(l.hold.until()).isAfter(dueAt)) {
            return holdEnds(l.hold.until());
        }
        return dueAt;
    }

    /** Whether a hold still kept the data at {@code at}, whatever happened after. */
    private static boolean heldThrough(Location l, Instant at) {
        return l.hold != null && holdEnds(l.hold.until()).isAfter(at);
    }

    private Optional<Location> location(String locationId) {
        return Optional.ofNullable(locations.get(locationId));
    }

    private static String key(String locationId, Instant at) {
        return locationId + "@" + at;
    }
}
