package io.yewu.customer.internal.visit;

import io.yewu.customer.internal.FollowUps;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Check-in and check-out of a visit (CUS-14). The time is always recorded; the device's position only when the
 * client sends one, and only at these two moments: Yewu never tracks where a person is between visits
 * (个人信息保护法, minimum necessary collection). A check-in far from the customer is flagged, not refused.
 */
@Service
class VisitCheckIns {

    private final JdbcClient jdbc;
    private final Visits visits;
    private final CustomerLocations locations;
    private final Settings settings;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final FollowUps followUps;
    private final CheckInDistancePolicy policy = new CheckInDistancePolicy();

    VisitCheckIns(JdbcClient jdbc, Visits visits, CustomerLocations locations, Settings settings,
                  DecisionRecords decisions, AuditTrail audit, FollowUps followUps) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.locations = locations;
        this.settings = settings;
        this.decisions = decisions;
        this.audit = audit;
        this.followUps = followUps;
    }

    @Transactional
    VisitView checkIn(YewuPrincipal me, long id, VisitInput.Position position) {
        VisitView.Head visit = visits.requireOwn(me, id);
        CheckInDistancePolicy.Point here = point(position);
        if (visit.checkInAt() != null) throw ProblemException.conflict("visit-already-checked-in");
        // checking in on another day than the visit's would let a record count for a day it did not happen
        if (!visit.visitOn().equals(LocalDate.now(WorkCalendar.ZONE))) throw ProblemException.conflict("visit-not-today");
        // measured only from a point the visitor cannot set; without one the check-in proposes where it stood
        CheckInDistancePolicy.Point customer = locations.find(me.companyId(), visit.customerId()).orElse(null);
        if (customer == null && here != null) locations.propose(me, visit.customerId(), id, here);
        SettingsSnapshot snapshot = settings.snapshotAt(Instant.now());
        Decision<CheckInDistancePolicy.Verdict> verdict =
                policy.check(here, customer, snapshot.get(VisitSettings.CHECK_IN_RADIUS), snapshot.version());
        int updated = jdbc.sql("""
                UPDATE visit SET check_in_at = now(), check_in_lat = :lat, check_in_lng = :lng,
                       check_in_distance_m = :distance, check_in_far = :far,
                       location_unconfirmed = :unconfirmed, version = version + 1
                WHERE company_id = :c AND id = :id AND check_in_at IS NULL""")
                .param("lat", here == null ? null : here.lat()).param("lng", here == null ? null : here.lng())
                .param("distance", verdict.outcome().distanceMetres()).param("far", verdict.outcome().far())
                .param("unconfirmed", verdict.outcome().locationUnconfirmed()).param("c", me.companyId()).param("id", id).update();
        if (updated == 0) throw ProblemException.conflict("visit-already-checked-in");
        decisions.record("visit", String.valueOf(id), "check-in-distance", verdict);
        audit.record("visit", id, "CHECK_IN", Changes.of().created("located", here != null)
                .created("distanceMetres", verdict.outcome().distanceMetres()).created("far", verdict.outcome().far())
                .created("locationUnconfirmed", verdict.outcome().locationUnconfirmed()));
        return visits.get(me, id);
    }

    @Transactional
    VisitView checkOut(YewuPrincipal me, long id, VisitInput.Position position) {
        VisitView.Head visit = visits.requireOwn(me, id);
        CheckInDistancePolicy.Point here = point(position);
        if (visit.checkInAt() == null) throw ProblemException.conflict("visit-not-checked-in");
        if (visit.checkOutAt() != null) throw ProblemException.conflict("visit-already-checked-out");
        if (visit.signatureRequired() && visit.signedBy().isBlank()) {
            throw ProblemException.invalid("signedBy", "visit-signature-missing");
        }
        int updated = jdbc.sql("""
                UPDATE visit SET check_out_at = now(), check_out_lat = :lat, check_out_lng = :lng, version = version + 1
                WHERE company_id = :c AND id = :id AND check_out_at IS NULL""")
                .param("lat", here == null ? null : here.lat()).param("lng", here == null ? null : here.lng())
                .param("c", me.companyId()).param("id", id).update();
        if (updated == 0) throw ProblemException.conflict("visit-already-checked-out");
        audit.record("visit", id, "CHECK_OUT", Changes.of().created("located", here != null));
        // a completed visit is a contact with the customer (CUS-13): recorded by the one follow-up writer, so CUS-9
        // and CUS-12 see it; the next visit's date (step 8) is its next contact, with its own reminder
        followUps.recordForVisit(me, visit.customerId(), id, new FollowUps.NewFollowUp("VISIT", null,
                followUpContent(visit), visit.objective(), nextContact(visit)));
        return visits.get(me, id);
    }

    private static String followUpContent(VisitView.Head visit) {
        if (!visit.result().isBlank()) return visit.result();
        if (!visit.objective().isBlank()) return visit.objective();
        return "完成拜访";
    }

    /** The next visit's day when it lies ahead; a date already past is no reminder. */
    private static LocalDate nextContact(VisitView.Head visit) {
        if (visit.nextVisitAt() == null) return null;
        LocalDate on = visit.nextVisitAt().atZoneSameInstant(WorkCalendar.ZONE).toLocalDate();
        return on.isBefore(LocalDate.now(WorkCalendar.ZONE)) ? null : on;
    }

    /** Null when the client sent no position (denied, or no GPS); half a position is a mistake. */
    static CheckInDistancePolicy.Point point(VisitInput.Position position) {
        if (position == null || (position.lat() == null && position.lng() == null)) return null;
        if (position.lat() == null || position.lng() == null) throw ProblemException.invalid("lat", "visit-location-incomplete");
        return new CheckInDistancePolicy.Point(position.lat(), position.lng());
    }
}
