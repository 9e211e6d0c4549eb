package io.yewu.service.internal;

import io.yewu.order.OrderDirectory;
import io.yewu.customer.CustomerLookup;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.numbering.DocumentNumbers;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.ProblemException;
import io.yewu.service.TicketType;
import io.yewu.service.internal.policy.EscalationPolicy;
import io.yewu.service.internal.policy.PromisePolicy;
import io.yewu.service.internal.policy.ReturnVisitPolicy;
import io.yewu.service.internal.policy.TicketClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of tickets (SVC-1 … SVC-5): intake from any channel, transfer (adds an assignee, never removes the
 * owner), resolution with its complaint fields and the return visit it may call for, immediate escalation, notes.
 * Every step is an event in the ticket's history; automated steps keep their decision.
 */
@Component
public class Tickets {

    public record Intake(String channel, String type, String requesterKind, Long customerId, Long requesterUserId,
                         String callerName, String callerPhone, String callerOrigin, Long orderId, String subject,
                         String description, Boolean answeredNow, String resolution, OffsetDateTime promisedAt,
                         String severity, Boolean marketingLevel, String rootCause, String causeAnalysis,
                         String correctiveAction, Map<String, Object> changes) {}

    /** SVC-1 information change: the customer's new values for the fields CUS-15 covers. */
    public record ChangeAsk(Map<String, Object> changes) {}

    public record Transfer(Long toUserId, Long toDepartmentId, String note) {}

    public record Resolution(String resolution, String rootCause, String causeAnalysis, String correctiveAction) {}

    public record Note(String note) {}

    static final Set<String> CHANNELS = Set.of("PHONE", "ONLINE_FORM", "ONLINE_CHAT", "IN_PERSON", "VISIT", "ACCOUNT_MANAGER");
    static final Set<String> REQUESTERS = Set.of("CUSTOMER", "PROSPECT", "CONSUMER", "EMPLOYEE");
    static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Settings settings;
    private final BusinessCalendar calendar;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final UserDirectory users;
    private final CustomerLookup customers;
    private final OrderDirectory orders;
    private final TicketTimers timers;
    private final Clock clock;
    private final TicketHistory history;
    private final DocumentNumbers numbers;
    private final InfoChangeTickets infoChanges;

    Tickets(JdbcClient jdbc, OrderDirectory orders, Settings settings, BusinessCalendar calendar, DecisionRecords decisions, AuditTrail audit,
            UserDirectory users, CustomerLookup customers, TicketTimers timers, Clock clock, TicketHistory history,
            DocumentNumbers numbers, InfoChangeTickets infoChanges) {
        this.infoChanges = infoChanges;
        this.history = history;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.orders = orders;
        this.settings = settings;
        this.calendar = calendar;
        this.decisions = decisions;
        this.audit = audit;
        this.users = users;
        this.customers = customers;
        this.timers = timers;
        this.clock = clock;
    }

    /** SVC-1 … SVC-3: one call takes the question; the receiver becomes its owner. */
    @Transactional
    public long receive(YewuPrincipal user, Intake in) {
        return receive(user.companyId(), user.id(), user, in, false);
    }

    /**
     * @param reader who the customer look-up runs as (null: the public form, which names no customer)
     * @param systemPromise the online form: the system promises the type's limit
     */
    long receive(long companyId, long ownerId, YewuPrincipal reader, Intake in, boolean systemPromise) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (in.channel() == null || !CHANNELS.contains(in.channel())) problems.add(field("channel", in.channel()));
        TicketType type = parseType(in.type());
        if (type == null) problems.add(field("type", in.type()));
        if (in.requesterKind() == null || !REQUESTERS.contains(in.requesterKind())) problems.add(field("requesterKind", in.requesterKind()));
        text(problems, "subject", in.subject(), 200, true);
        text(problems, "description", in.description(), 4000, false);
        text(problems, "callerName", in.callerName(), 100, false);
        text(problems, "callerPhone", in.callerPhone(), 40, false);
        text(problems, "callerOrigin", in.callerOrigin(), 200, false);
        Optional<CustomerLookup.Card> customer = Optional.empty();
        if ("CUSTOMER".equals(in.requesterKind())) {
            if (in.customerId() == null) problems.add(new ProblemException.FieldProblem("customerId", "required"));
            else {
                customer = reader == null ? Optional.empty() : customers.card(reader, in.customerId());
                if (customer.isEmpty()) problems.add(new ProblemException.FieldProblem("customerId", "unknown", in.customerId()));
            }
        } else if (in.customerId() != null) {
            problems.add(new ProblemException.FieldProblem("customerId", "invalid"));
        }
        if ("PROSPECT".equals(in.requesterKind()) || "CONSUMER".equals(in.requesterKind())) {
            if (blank(in.callerName()) && blank(in.callerPhone())) problems.add(new ProblemException.FieldProblem("callerPhone", "required"));
            if ("PROSPECT".equals(in.requesterKind()) && blank(in.callerOrigin())) problems.add(new ProblemException.FieldProblem("callerOrigin", "required"));
        }
        if ("EMPLOYEE".equals(in.requesterKind())) {
            if (in.requesterUserId() == null) problems.add(new ProblemException.FieldProblem("requesterUserId", "required"));
            else if (users.find(in.requesterUserId()).isEmpty()) problems.add(new ProblemException.FieldProblem("requesterUserId", "unknown", in.requesterUserId()));
        }
        if (in.orderId() != null) {
            Optional<Long> orderCustomer = orders.find(companyId, in.orderId()).map(OrderDirectory.OrderRef::customerId);
            if (orderCustomer.isEmpty()) problems.add(new ProblemException.FieldProblem("orderId", "unknown", in.orderId()));
            else if (in.customerId() != null && !orderCustomer.get().equals(in.customerId())) {
                problems.add(new ProblemException.FieldProblem("orderId", "order-other-customer"));
            }
        }
        boolean complaint = type == TicketType.COMPLAINT;
        if (complaint && (in.severity() == null || !SEVERITIES.contains(in.severity()))) problems.add(field("severity", in.severity()));
        if (!complaint && (in.severity() != null || Boolean.TRUE.equals(in.marketingLevel()))) problems.add(new ProblemException.FieldProblem("severity", "complaint-only"));
        boolean answeredNow = Boolean.TRUE.equals(in.answeredNow());
        if (answeredNow && systemPromise) problems.add(new ProblemException.FieldProblem("answeredNow", "invalid"));
        boolean asksChange = in.changes() != null && !in.changes().isEmpty();
        if (asksChange && type != TicketType.INFO_CHANGE) problems.add(new ProblemException.FieldProblem("changes", "info-change-only"));
        if (asksChange && answeredNow) problems.add(new ProblemException.FieldProblem("answeredNow", "change-needs-approval"));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);

        Instant now = clock.instant();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        TicketClock ticketClock = TicketClock.of(snapshot, calendar.calendar());
        Instant promised = systemPromise
                ? ticketClock.plus(now, snapshot.get(ServiceSettings.REPLY_LIMIT.get(type)))
                : in.promisedAt() == null ? null : in.promisedAt().toInstant();
        Decision<PromisePolicy.Verdict> promise = PromisePolicy.decide(type, now, answeredNow, promised, ticketClock, snapshot);
        switch (promise.outcome()) {
            case MISSING -> throw ProblemException.invalid("promisedAt", "required");
            case NOT_AFTER_RECEIPT -> throw ProblemException.invalid("promisedAt", "reply-time-past");
            case BEYOND_LIMIT -> throw ProblemException.invalid("promisedAt", "reply-limit-exceeded",
                    promise.hits().getFirst().inputs().get("limitHours"),
                    OffsetDateTime.ofInstant(Instant.parse((String) promise.hits().getFirst().inputs().get("deadline")), ZONE)
                            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            default -> { }
        }
        if (answeredNow) validateResolution(type, new Resolution(in.resolution(), in.rootCause(), in.causeAnalysis(), in.correctiveAction()), snapshot);

        String number = nextNumber(companyId, now);
        Long ownerDept = users.find(ownerId).map(UserDirectory.UserRef::departmentId).orElse(null);
        String callerName = customer.map(CustomerLookup.Card::name).filter(n -> blank(in.callerName())).orElse(strip(in.callerName()));
        String callerPhone = blank(in.callerPhone()) ? customer.map(CustomerLookup.Card::phone).orElse("") : strip(in.callerPhone());
        long id = jdbc.sql("""
                INSERT INTO ticket (company_id, number, channel, type, requester_kind, customer_id, requester_user_id,
                                    caller_name, caller_phone, caller_origin, order_id, subject, description, state, owner_id,
                                    owner_department_id, received_at, first_contact_resolution, promised_at, reply_limit_hours,
                                    timer_basis, settings_version, severity, marketing_level, created_by)
                VALUES (:c, :number, :channel, :type, :rk, :customer, :ru, :cn, :cp, :co, :order, :subject, :desc, 'OPEN', :owner,
                        :ownerDept, :now, :fcr, :promised, :limit, :basis, :sv, :severity, :ml, :createdBy)
                RETURNING id""")
                .param("c", companyId).param("number", number).param("channel", in.channel()).param("type", type.name())
                .param("rk", in.requesterKind()).param("customer", in.customerId()).param("ru", in.requesterUserId())
                .param("cn", callerName).param("cp", callerPhone).param("co", strip(in.callerOrigin()))
                .param("order", in.orderId()).param("subject", in.subject().strip()).param("desc", strip(in.description()))
                .param("owner", ownerId).param("ownerDept", ownerDept).param("now", at(now)).param("fcr", answeredNow)
                .param("promised", promised == null ? null : at(promised))
                .param("limit", new java.math.BigDecimal(String.valueOf(promise.hits().getFirst().inputs().get("limitHours"))).setScale(2, java.math.RoundingMode.HALF_UP))
                .param("basis", ticketClock.basis()).param("sv", snapshot.version())
                .param("severity", complaint ? in.severity() : null).param("ml", complaint && Boolean.TRUE.equals(in.marketingLevel()))
                .param("createdBy", reader == null ? null : reader.id())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO ticket_assignee (company_id, ticket_id, role, user_id, department_id, assigned_by) VALUES (:c, :t, 'OWNER', :u, :d, :u)")
                .param("c", companyId).param("t", id).param("u", ownerId).param("d", ownerDept).update();
        long promiseDecision = decisions.record("ticket", String.valueOf(id), "promise", promise);
        event(companyId, id, reader == null ? null : reader.id(), "RECEIVED", "", Map.of("channel", in.channel(), "ownerId", ownerId), null);
        if (in.orderId() != null) event(companyId, id, reader == null ? null : reader.id(), "ORDER_LINKED", "", Map.of("orderId", in.orderId()), null);
        if (answeredNow) {
            event(companyId, id, reader.id(), "ANSWERED", strip(in.resolution()), Map.of(), promiseDecision);
            resolveNow(companyId, id, reader, type, ownerId, new Resolution(in.resolution(), in.rootCause(), in.causeAnalysis(), in.correctiveAction()), now, snapshot);
        } else {
            event(companyId, id, reader == null ? null : reader.id(), "PROMISED", "", Map.of("promisedAt", promised.toString()), promiseDecision);
            timers.start(companyId, id, 1, now, promised, ticketClock, snapshot);
        }
        audit.record("ticket", id, "received", Changes.of().created("number", number).created("type", type.name()));
        if (asksChange && reader != null) infoChanges.file(reader, id, in.changes());
        return id;
    }

    /** SVC-2: the work goes to another person or department; the owner stays. */
    @Transactional
    public void transfer(YewuPrincipal user, long ticketId, Transfer in) {
        TicketRow t = openForWork(user, ticketId);
        if ((in.toUserId() == null) == (in.toDepartmentId() == null)) throw ProblemException.invalid("toUserId", "transfer-target");
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        text(problems, "note", in.note(), 1000, false);
        if (in.toUserId() != null && users.find(in.toUserId()).filter(UserDirectory.UserRef::active).isEmpty()) {
            problems.add(new ProblemException.FieldProblem("toUserId", "unknown", in.toUserId()));
        }
        if (in.toDepartmentId() != null && jdbc.sql("SELECT count(*) FROM department WHERE company_id = :c AND id = :d")
                .param("c", user.companyId()).param("d", in.toDepartmentId()).query(Long.class).single() == 0) {
            problems.add(new ProblemException.FieldProblem("toDepartmentId", "unknown", in.toDepartmentId()));
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        jdbc.sql("UPDATE ticket_assignee SET active = false WHERE company_id = :c AND ticket_id = :t AND role = 'ASSIGNEE' AND active")
                .param("c", user.companyId()).param("t", ticketId).update();
        jdbc.sql("""
                INSERT INTO ticket_assignee (company_id, ticket_id, role, user_id, department_id, assigned_by, note)
                VALUES (:c, :t, 'ASSIGNEE', :u, :d, :by, :note)""")
                .param("c", user.companyId()).param("t", ticketId).param("u", in.toUserId()).param("d", in.toDepartmentId())
                .param("by", user.id()).param("note", strip(in.note())).update();
        Map<String, Object> detail = new LinkedHashMap<>();
        if (in.toUserId() != null) detail.put("toUserId", in.toUserId());
        if (in.toDepartmentId() != null) detail.put("toDepartmentId", in.toDepartmentId());
        detail.put("ownerId", t.ownerId());
        event(user.companyId(), ticketId, user.id(), "TRANSFERRED", strip(in.note()), detail, null);
        bump(user.companyId(), ticketId);
        // ids under field names the audit log resolves to names (AuditLog.kindOfField), never a map's toString
        Changes changes = Changes.of();
        if (in.toUserId() != null) changes.created("assigneeId", in.toUserId());
        if (in.toDepartmentId() != null) changes.created("departmentId", in.toDepartmentId());
        audit.record("ticket", ticketId, "transferred", changes);
    }

    /** Resolves an open ticket; complaints need their root cause, analysis and corrective action (SVC-5). */
    @Transactional
    public void resolve(YewuPrincipal user, long ticketId, Resolution in) {
        TicketRow t = openForWork(user, ticketId);
        SettingsSnapshot snapshot = settings.snapshotAt(t.receivedAt().toInstant());
        validateResolution(t.type(), in, snapshot);
        event(user.companyId(), ticketId, user.id(), "ANSWERED", strip(in.resolution()), Map.of(), null);
        resolveNow(user.companyId(), ticketId, user, t.type(), t.ownerId(), in, clock.instant(), snapshot);
    }

    private void resolveNow(long companyId, long ticketId, YewuPrincipal by, TicketType type, long ownerId, Resolution in,
                            Instant now, SettingsSnapshot snapshot) {
        Decision<Optional<ReturnVisitPolicy.Due>> visit = ReturnVisitPolicy.onResolution(type, ownerId, by.id(), now, snapshot);
        long decisionId = decisions.record("ticket", String.valueOf(ticketId), "return-visit", visit);
        String state = visit.outcome().isPresent() ? "RESOLVED" : "CLOSED";
        jdbc.sql("""
                UPDATE ticket SET state = :state, resolution = :res, resolved_at = :now, resolved_by = :by,
                       closed_at = CASE WHEN :state = 'CLOSED' THEN :now END,
                       root_cause = :rc, cause_analysis = :ca, corrective_action = :act, version = version + 1
                WHERE company_id = :c AND id = :id""")
                .param("state", state).param("res", strip(in.resolution())).param("now", at(now)).param("by", by.id())
                .param("rc", type == TicketType.COMPLAINT ? in.rootCause() : null)
                .param("ca", strip(in.causeAnalysis())).param("act", strip(in.correctiveAction()))
                .param("c", companyId).param("id", ticketId).update();
        timers.cancelAll(companyId, ticketId);
        event(companyId, ticketId, by.id(), "RESOLVED", "", Map.of("state", state), decisionId);
        if (type == TicketType.COMPLAINT) {
            event(companyId, ticketId, by.id(), "COMPLAINT_UPDATED", strip(in.causeAnalysis()),
                    Map.of("rootCause", in.rootCause(), "correctiveAction", strip(in.correctiveAction())), null);
        }
        if (visit.outcome().isPresent()) {
            ReturnVisitPolicy.Due due = visit.outcome().get();
            long visitId = jdbc.sql("""
                    INSERT INTO return_visit (company_id, ticket_id, customer_id, contact_name, contact_phone, reason, due_at, settings_version)
                    SELECT company_id, id, customer_id, caller_name, caller_phone, :reason, :due, :sv FROM ticket WHERE company_id = :c AND id = :id
                    RETURNING id""")
                    .param("reason", due.reason().name()).param("due", at(due.dueAt())).param("sv", snapshot.version())
                    .param("c", companyId).param("id", ticketId).query(Long.class).single();
            event(companyId, ticketId, by.id(), "RETURN_VISIT_DUE", "", Map.of("visitId", visitId, "dueAt", due.dueAt().toString()), decisionId);
        } else {
            event(companyId, ticketId, by.id(), "CLOSED", "", Map.of(), decisionId);
        }
        audit.record("ticket", ticketId, "resolved", Changes.of().created("state", state));
    }

    /** SVC-1 → CUS-15: an open information-change ticket of a customer files its change request. */
    @Transactional
    public void requestChange(YewuPrincipal user, long ticketId, ChangeAsk in) {
        openForWork(user, ticketId);
        infoChanges.file(user, ticketId, in == null ? null : in.changes());
    }

    /** SVC-4: an agent escalates at once what it cannot handle. */
    @Transactional
    public void escalate(YewuPrincipal user, long ticketId, Note in) {
        TicketRow t = openForWork(user, ticketId);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        text(problems, "note", in.note(), 1000, true);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        Decision<EscalationPolicy.Level> decision = EscalationPolicy.immediate(t.escalationLevel(), t.type(), t.marketingLevel(), t.settingsVersion());
        timers.escalate(user.companyId(), ticketId, user.id(), decision, in.note().strip());
    }

    @Transactional
    public void note(YewuPrincipal user, long ticketId, Note in) {
        visible(user, ticketId);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        text(problems, "note", in.note(), 2000, true);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        event(user.companyId(), ticketId, user.id(), "NOTE", in.note().strip(), Map.of(), null);
    }

    /** SVC-4 督办: a shift lead or the director supervises a ticket. */
    @Transactional
    public void supervise(YewuPrincipal user, long ticketId, Note in) {
        TicketRow t = openForWork(user, ticketId);
        if (!TicketScope.supervises(user)) throw ProblemException.notFound("ticket " + ticketId);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        text(problems, "note", in.note(), 1000, true);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        jdbc.sql("UPDATE ticket SET supervised = true, version = version + 1 WHERE company_id = :c AND id = :id")
                .param("c", user.companyId()).param("id", t.id()).update();
        event(user.companyId(), ticketId, user.id(), "SUPERVISED", in.note().strip(), Map.of(), null);
    }

    /** The root-cause codes in force now (SVC-5). */
    List<String> rootCauses() {
        return ServiceSettings.rootCauses(settings.snapshotAt(clock.instant()));
    }

    record TicketRow(long id, TicketType type, String state, long ownerId, OffsetDateTime receivedAt, long settingsVersion,
                     EscalationPolicy.Level escalationLevel, boolean marketingLevel) {}

    /** A ticket in the reader's scope, locked; 404 outside it. */
    TicketRow visible(YewuPrincipal user, long ticketId) {
        TicketScope scope = TicketScope.of(user, "t");
        return jdbc.sql("""
                SELECT t.id, t.type, t.state, t.owner_id, t.received_at, t.settings_version, t.escalation_level, t.marketing_level
                FROM ticket t WHERE t.id = :id AND """ + scope.sql() + " FOR UPDATE")
                .params(scope.params()).param("id", ticketId).query(TicketRow.class).optional()
                .orElseThrow(() -> ProblemException.notFound("ticket " + ticketId));
    }

    /** A ticket the user may work on: in scope and open (409 when it is not). */
    private TicketRow openForWork(YewuPrincipal user, long ticketId) {
        TicketRow t = visible(user, ticketId);
        if (!"OPEN".equals(t.state())) throw ProblemException.conflict("ticket-not-open");
        boolean mine = t.ownerId() == user.id() || TicketScope.supervises(user) || jdbc.sql("""
                SELECT count(*) FROM ticket_assignee WHERE company_id = :c AND ticket_id = :t AND active AND role = 'ASSIGNEE'
                  AND (user_id = :me OR (user_id IS NULL AND department_id = :dept))""")
                .param("c", user.companyId()).param("t", ticketId).param("me", user.id()).param("dept", user.departmentId())
                .query(Long.class).single() > 0;
        if (!mine) throw ProblemException.conflict("ticket-not-assigned");
        return t;
    }

    void validateResolution(TicketType type, Resolution in, SettingsSnapshot snapshot) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        text(problems, "resolution", in.resolution(), 4000, true);
        if (type == TicketType.COMPLAINT) {
            if (in.rootCause() == null || !ServiceSettings.rootCauses(snapshot).contains(in.rootCause())) problems.add(field("rootCause", in.rootCause()));
            text(problems, "causeAnalysis", in.causeAnalysis(), 4000, true);
            text(problems, "correctiveAction", in.correctiveAction(), 4000, true);
        } else if (in.rootCause() != null) {
            problems.add(new ProblemException.FieldProblem("rootCause", "complaint-only"));
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
    }

    void event(long companyId, long ticketId, Long actorId, String kind, String note, Map<String, Object> detail, Long decisionId) {
        history.add(companyId, ticketId, actorId, kind, note, detail, decisionId);
    }

    private void bump(long companyId, long ticketId) {
        jdbc.sql("UPDATE ticket SET version = version + 1 WHERE company_id = :c AND id = :id").param("c", companyId).param("id", ticketId).update();
    }

    private String nextNumber(long companyId, Instant now) {
        LocalDate day = now.atZone(ZONE).toLocalDate();
        int n = numbers.next(DocumentNumbers.Series.TICKET, day);
        return "GD" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%04d", n);
    }

    static TicketType parseType(String type) {
        if (type == null) return null;
        try {
            return TicketType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime();
    }

    private static ProblemException.FieldProblem field(String name, String value) {
        return new ProblemException.FieldProblem(name, value == null ? "required" : "invalid");
    }

    static void text(List<ProblemException.FieldProblem> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) problems.add(new ProblemException.FieldProblem(field, "required"));
        } else if (value.length() > max) {
            problems.add(new ProblemException.FieldProblem(field, "too-long", max));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
