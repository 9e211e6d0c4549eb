package io.yewu.platform.internal.approval;

import io.yewu.platform.approval.ApprovalCompleted;
import io.yewu.platform.approval.ApprovalCompleted.Outcome;
import io.yewu.platform.approval.ApprovalSpec;
import io.yewu.platform.approval.Approvals;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Runs approval chains (PLT-3): start, decide step by step, complete, void. */
@Component
class ApprovalEngine implements Approvals {

    static final String REMINDER = "approval.reminder";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private record Request(long id, String subjectType, String subjectId, long subjectVersion, String title,
                           long applicantId, String status) {}

    private record Step(long id, int seq, long assigneeId, String status, Long decidedBy) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApproverResolution approvers;
    private final Delegations delegations;
    private final ApprovalNotices notices;
    private final DueTasks dueTasks;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ApprovalTiming timing;

    ApprovalEngine(JdbcClient jdbc, JsonMapper json, UserDirectory directory, Delegations delegations,
                   ApprovalNotices notices, DueTasks dueTasks, AuditTrail audit, ApplicationEventPublisher events,
                   ApprovalTiming timing) {
        this.timing = timing;
        this.jdbc = jdbc;
        this.json = json;
        this.approvers = new ApproverResolution(directory);
        this.delegations = delegations;
        this.notices = notices;
        this.dueTasks = dueTasks;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public long start(ApprovalSpec spec) {
        List<ApproverResolution.Assignment> assigned = approvers.assign(spec.applicantId(), spec.steps());
        List<Long> assignees = assigned.stream().map(ApproverResolution.Assignment::assigneeId).toList();
        Instant now = Instant.now();
        var d = spec.decision();
        var stored = new StoredDecision("approval-chain", d.outcome() instanceof Enum<?> e ? e.name() : String.valueOf(d.outcome()),
                d.hits(), d.settingsVersion(), OffsetDateTime.ofInstant(now, SHANGHAI));
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO approval_request (company_id, subject_type, subject_id, subject_version, title,
                                                  applicant_id, status, decision, created_at, details)
                    VALUES (:c, :t, :s, :v, :title, :a, 'PENDING', CAST(:d AS jsonb), :now, CAST(:details AS jsonb)) RETURNING id""")
                    .param("details", spec.details() == null ? null : json.writeValueAsString(spec.details()))
                    .param("c", company()).param("t", spec.subjectType()).param("s", spec.subjectId())
                    .param("v", spec.subjectVersion()).param("title", spec.title()).param("a", spec.applicantId())
                    .param("d", json.writeValueAsString(stored)).param("now", now.atOffset(java.time.ZoneOffset.UTC))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("approval-already-pending");
        }
        for (int i = 0; i < assigned.size(); i++) {
            var step = spec.steps().get(assigned.get(i).specIndex());
            jdbc.sql("""
                    INSERT INTO approval_step (company_id, request_id, seq, role_code, assignee_id, status)
                    VALUES (:c, :r, :seq, :role, :a, 'WAITING')""")
                    .param("c", company()).param("r", id).param("seq", i + 1)
                    .param("role", step.role() == null ? null : step.role().name()).param("a", assignees.get(i))
                    .update();
        }
        activateNext(id, spec.title(), now);
        audit.record("approval", id, "start", Changes.of().created("subject", spec.subjectType() + "/" + spec.subjectId())
                .created("subjectVersion", spec.subjectVersion()).created("approvers", assignees));
        return id;
    }

    /** Approves or rejects the request's pending step as {@code me}, acting for its assignee or as their delegate. */
    @Override
    @Transactional
    public void decide(long requestId, YewuPrincipal me, boolean approve, String comment) {
        Request request = lock(requestId);
        List<Step> steps = steps(requestId);
        List<Long> actingFor = delegations.delegatorsOf(me.id());
        Predicate<Step> mayDecide = s -> s.assigneeId() == me.id() || actingFor.contains(s.assigneeId());
        boolean involved = request.applicantId() == me.id()
                || steps.stream().anyMatch(s -> mayDecide.test(s) || Objects.equals(s.decidedBy(), me.id()));
        if (!involved) throw ProblemException.notFound("approval " + requestId);
        if (request.applicantId() == me.id()) throw ProblemException.forbidden("approval-own-request");
        Optional<Step> mine = steps.stream().filter(s -> s.status().equals("PENDING") && mayDecide.test(s)).findFirst();
        if (mine.isEmpty()) {
            // my step was already decided (or the chain ended): a conflict; my turn has not come: not my step
            boolean decidedAlready = !request.status().equals("PENDING")
                    || steps.stream().anyMatch(s -> !s.status().equals("WAITING") && mayDecide.test(s));
            throw decidedAlready ? ProblemException.conflict("approval-not-pending")
                    : ProblemException.forbidden("approval-not-assignee");
        }
        // nobody decides two steps of one chain, not even as someone's delegate
        if (steps.stream().anyMatch(s -> s.status().equals("APPROVED") && Objects.equals(s.decidedBy(), me.id()))) {
            throw ProblemException.forbidden("approval-second-step");
        }
        String text = comment == null ? "" : comment.trim();
        if (!approve && text.isEmpty()) throw ProblemException.invalid("comment", "comment-required");
        Step step = mine.get();
        Instant now = Instant.now();
        jdbc.sql("""
                UPDATE approval_step SET status = :st, decided_by = :u, decided_at = :now, comment = :comment
                WHERE id = :id AND company_id = :c""")
                .param("st", approve ? "APPROVED" : "REJECTED").param("u", me.id()).param("now", now.atOffset(java.time.ZoneOffset.UTC))
                .param("comment", text.isEmpty() ? null : text).param("id", step.id()).param("c", company())
                .update();
        dueTasks.cancel(REMINDER, String.valueOf(step.id()));
        audit.record("approval", requestId, approve ? "approve" : "reject", Changes.of()
                .created("step", step.seq()).created("actingFor", step.assigneeId() == me.id() ? null : step.assigneeId())
                .created("comment", text.isEmpty() ? null : text));
        if (!approve) {
            jdbc.sql("UPDATE approval_step SET status = 'VOID' WHERE request_id = :r AND company_id = :c AND status = 'WAITING'")
                    .param("r", requestId).param("c", company()).update();
            complete(request, Outcome.REJECTED, text);
        } else if (!activateNext(requestId, request.title(), now)) {
            complete(request, Outcome.APPROVED, text.isEmpty() ? null : text);
        }
    }

    /**
     * An administrator ends a chain that nobody can or will decide (an approver left, the subject is stuck): the
     * request becomes VOID, the capability is told ({@link Outcome#CANCELLED} with the reason) and the applicant
     * notified.
     */
    @Transactional
    void cancel(long requestId, YewuPrincipal admin, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) throw ProblemException.invalid("reason", "required");
        Request request = lock(requestId);
        if (!request.status().equals("PENDING")) throw ProblemException.conflict("approval-not-pending");
        jdbc.sql("""
                UPDATE approval_step SET status = 'VOID'
                WHERE request_id = :r AND company_id = :c AND status IN ('PENDING', 'WAITING') RETURNING id""")
                .param("r", requestId).param("c", company()).query(Long.class).list()
                .forEach(stepId -> dueTasks.cancel(REMINDER, String.valueOf(stepId)));
        jdbc.sql("""
                UPDATE approval_request SET status = 'VOID', completed_at = now(), version = version + 1
                WHERE id = :id AND company_id = :c""").param("id", requestId).param("c", company()).update();
        audit.record("approval", requestId, "cancel", Changes.of().put("status", "PENDING", "VOID")
                .created("reason", text).created("cancelledBy", admin.id()));
        events.publishEvent(new ApprovalCompleted(company(), request.id(), request.subjectType(), request.subjectId(),
                request.subjectVersion(), Outcome.CANCELLED, text));
        notices.completed(request.id(), request.title(), request.applicantId(), Outcome.CANCELLED);
    }

    @Override
    @Transactional
    public boolean voidFor(String subjectType, String subjectId) {
        List<Long> voided = jdbc.sql("""
                UPDATE approval_request SET status = 'VOID', completed_at = now(), version = version + 1
                WHERE company_id = :c AND subject_type = :t AND subject_id = :s AND status IN ('PENDING', 'APPROVED')
                RETURNING id""")
                .param("c", company()).param("t", subjectType).param("s", subjectId).query(Long.class).list();
        for (long id : voided) {
            jdbc.sql("""
                    UPDATE approval_step SET status = 'VOID'
                    WHERE request_id = :r AND company_id = :c AND status IN ('PENDING', 'WAITING') RETURNING id""")
                    .param("r", id).param("c", company()).query(Long.class).list()
                    .forEach(stepId -> dueTasks.cancel(REMINDER, String.valueOf(stepId)));
            audit.record("approval", id, "void", Changes.of());
        }
        return !voided.isEmpty();
    }

    @Override
    public boolean isApproved(String subjectType, String subjectId, long subjectVersion) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM approval_request WHERE company_id = :c AND subject_type = :t
                               AND subject_id = :s AND subject_version = :v AND status = 'APPROVED')""")
                .param("c", company()).param("t", subjectType).param("s", subjectId).param("v", subjectVersion)
                .query(Boolean.class).single();
    }

    @Override
    public boolean isPending(String subjectType, String subjectId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM approval_request WHERE company_id = :c AND subject_type = :t
                               AND subject_id = :s AND status = 'PENDING')""")
                .param("c", company()).param("t", subjectType).param("s", subjectId)
                .query(Boolean.class).single();
    }

    /** Makes the first waiting step pending; false if none is left. */
    private boolean activateNext(long requestId, String title, Instant now) {
        Instant due = now.plus(timing.reminderAfter(now));
        Optional<Step> next = jdbc.sql("""
                UPDATE approval_step SET status = 'PENDING', activated_at = :now, due_at = :due
                WHERE id = (SELECT id FROM approval_step WHERE request_id = :r AND company_id = :c AND status = 'WAITING'
                            ORDER BY seq LIMIT 1)
                RETURNING id, seq, assignee_id, status, decided_by""")
                .param("now", now.atOffset(java.time.ZoneOffset.UTC)).param("due", due.atOffset(java.time.ZoneOffset.UTC))
                .param("r", requestId).param("c", company()).query(Step.class).optional();
        next.ifPresent(step -> {
            dueTasks.schedule(REMINDER, String.valueOf(step.id()), due, Map.of("stepId", step.id()));
            notices.pending(requestId, title, step.assigneeId());
        });
        return next.isPresent();
    }

    private void complete(Request request, Outcome outcome, String comment) {
        jdbc.sql("""
                UPDATE approval_request SET status = :st, completed_at = now(), version = version + 1
                WHERE id = :id AND company_id = :c""")
                .param("st", outcome.name()).param("id", request.id()).param("c", company()).update();
        events.publishEvent(new ApprovalCompleted(company(), request.id(), request.subjectType(), request.subjectId(),
                request.subjectVersion(), outcome, comment));
        notices.completed(request.id(), request.title(), request.applicantId(), outcome);
    }

    private Request lock(long requestId) {
        return jdbc.sql("""
                SELECT id, subject_type, subject_id, subject_version, title, applicant_id, status
                FROM approval_request WHERE id = :id AND company_id = :c FOR UPDATE""")
                .param("id", requestId).param("c", company()).query(Request.class).optional()
                .orElseThrow(() -> ProblemException.notFound("approval " + requestId));
    }

    private List<Step> steps(long requestId) {
        return jdbc.sql("""
                SELECT id, seq, assignee_id, status, decided_by FROM approval_step
                WHERE request_id = :r AND company_id = :c ORDER BY seq""")
                .param("r", requestId).param("c", company()).query(Step.class).list();
    }

    private static long company() {
        return CompanyContext.companyId();
    }
}
