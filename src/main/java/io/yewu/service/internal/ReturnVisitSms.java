package io.yewu.service.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.notification.TextMessageChannel;
import io.yewu.platform.scheduling.DueTask;
import io.yewu.platform.scheduling.DueTaskHandler;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.ProblemException;
import io.yewu.service.internal.policy.SmsPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * SVC-6 return visits by SMS (PLT-7): the desk queues a message from the template setting; it goes out through the
 * platform's text-message channel when call hours allow (a due task, never a wait), a failure is kept on the message
 * and retried by {@link SmsPolicy}, and a message given up is told to whoever queued it. A sent message is an
 * attempt of the visit.
 */
@Component
class ReturnVisitSms implements DueTaskHandler {

    static final String KIND = "service.return-visit-sms";

    private final JdbcClient jdbc;
    private final ReturnVisits visits;
    private final Settings settings;
    private final DueTasks dueTasks;
    private final TextMessageChannel channel;
    private final DecisionRecords decisions;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    ReturnVisitSms(JdbcClient jdbc, ReturnVisits visits, Settings settings, DueTasks dueTasks, TextMessageChannel channel,
                   DecisionRecords decisions, Notifier notifier, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.settings = settings;
        this.dueTasks = dueTasks;
        this.channel = channel;
        this.decisions = decisions;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Queues the visit's message: now inside call hours, else at the next allowed moment. */
    @Transactional
    void queue(YewuPrincipal user, long visitId) {
        ReturnVisits.Row v = visits.openVisit(user, visitId);
        if (v.contactPhone() == null || v.contactPhone().isBlank()) throw ProblemException.invalid("contactPhone", "required");
        boolean waiting = jdbc.sql("SELECT count(*) FROM return_visit_sms WHERE company_id = :c AND visit_id = :v AND state = 'QUEUED'")
                .param("c", user.companyId()).param("v", visitId).query(Long.class).single() > 0;
        if (waiting) throw ProblemException.conflict("sms-queued");
        enqueue(user, visitId, v.contactPhone(), v.contactName(), v.ticketNumber());
    }

    /** Queues one message for a visit the caller has checked (a campaign queues one per customer it drew). */
    void enqueue(YewuPrincipal user, long visitId, String phone, String contactName, String ticketNumber) {
        Instant now = clock.instant();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        String text = snapshot.get(ServiceSettings.SMS_TEMPLATE)
                .replace("{name}", contactName == null ? "" : contactName)
                .replace("{ticket}", ticketNumber == null ? "" : ticketNumber);
        Decision<Instant> when = SmsPolicy.sendAt(now, snapshot);
        long id = jdbc.sql("""
                INSERT INTO return_visit_sms (company_id, visit_id, phone, body, queued_by, queued_at, send_at)
                VALUES (:c, :v, :phone, :body, :by, :now, :at) RETURNING id""")
                .param("c", user.companyId()).param("v", visitId).param("phone", phone).param("body", text)
                .param("by", user.id()).param("now", Tickets.at(now)).param("at", Tickets.at(when.outcome()))
                .query(Long.class).single();
        schedule(id, when);
        audit.record("return-visit", visitId, "sms-queued", Changes.of().created("smsId", id).created("sendAt", when.outcome().toString()));
    }

    /** A message given up is queued again (its tries start over). */
    @Transactional
    void resend(YewuPrincipal user, long visitId, long smsId) {
        visits.openVisit(user, visitId);
        Instant now = clock.instant();
        Decision<Instant> when = SmsPolicy.sendAt(now, settings.snapshotAt(now));
        int updated = jdbc.sql("""
                UPDATE return_visit_sms SET state = 'QUEUED', tries = 0, send_at = :at
                WHERE company_id = :c AND visit_id = :v AND id = :id AND state = 'FAILED'""")
                .param("at", Tickets.at(when.outcome())).param("c", user.companyId()).param("v", visitId).param("id", smsId).update();
        if (updated == 0) throw ProblemException.conflict("sms-not-failed");
        schedule(smsId, when);
        audit.record("return-visit", visitId, "sms-resent", Changes.of().created("smsId", smsId));
    }

    @Override
    public void handle(DueTask task) {
        long smsId = ((Number) task.payload().get("smsId")).longValue();
        record Sms(long id, long visitId, String phone, String body, long queuedBy, int tries, boolean visitOpen) {}
        Optional<Sms> found = jdbc.sql("""
                SELECT s.id, s.visit_id, s.phone, s.body, s.queued_by, s.tries, (v.closed_at IS NULL) AS visit_open
                FROM return_visit_sms s JOIN return_visit v ON v.company_id = s.company_id AND v.id = s.visit_id
                WHERE s.company_id = :c AND s.id = :id AND s.state = 'QUEUED' FOR UPDATE OF s""")
                .param("c", task.companyId()).param("id", smsId).query(Sms.class).optional();
        if (found.isEmpty()) return;
        Sms sms = found.get();
        Instant now = clock.instant();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        // the call hours may have changed since it was queued: quiet hours hold at sending time too
        Decision<Instant> when = SmsPolicy.sendAt(now, snapshot);
        if (when.outcome().isAfter(now)) {
            jdbc.sql("UPDATE return_visit_sms SET send_at = :at WHERE company_id = :c AND id = :id")
                    .param("at", Tickets.at(when.outcome())).param("c", task.companyId()).param("id", smsId).update();
            schedule(smsId, when);
            return;
        }
        TextMessageChannel.Outcome outcome = channel.send(new TextMessageChannel.TextMessage(sms.phone(), sms.body(), "return-visit-sms-" + smsId));
        int tries = sms.tries() + 1;
        if (outcome.delivered()) {
            jdbc.sql("""
                    UPDATE return_visit_sms SET state = 'SENT', tries = :t, sent_at = :now, last_error = ''
                    WHERE company_id = :c AND id = :id""")
                    .param("t", tries).param("now", Tickets.at(now)).param("c", task.companyId()).param("id", smsId).update();
            jdbc.sql("""
                    INSERT INTO return_visit_attempt (company_id, visit_id, at, by_user_id, outcome, channel, note)
                    VALUES (:c, :v, :now, :by, 'SMS_SENT', 'SMS', :note)""")
                    .param("c", task.companyId()).param("v", sms.visitId()).param("now", Tickets.at(now)).param("by", sms.queuedBy())
                    .param("note", sms.body()).update();
            jdbc.sql("UPDATE return_visit SET attempts = attempts + 1, version = version + 1 WHERE company_id = :c AND id = :id")
                    .param("c", task.companyId()).param("id", sms.visitId()).update();
            return;
        }
        Decision<Optional<Instant>> retry = SmsPolicy.retry(tries, now, snapshot);
        decisions.record("return-visit-sms", String.valueOf(smsId), "retry", retry);
        jdbc.sql("""
                UPDATE return_visit_sms SET tries = :t, last_error = :err, state = CASE WHEN :giveUp THEN 'FAILED' ELSE 'QUEUED' END,
                       send_at = coalesce(:at, send_at) WHERE company_id = :c AND id = :id""")
                .param("t", tries).param("err", outcome.detail()).param("giveUp", retry.outcome().isEmpty())
                .param("at", retry.outcome().map(Tickets::at).orElse(null))
                .param("c", task.companyId()).param("id", smsId).update();
        if (retry.outcome().isPresent()) {
            sendAt(smsId, retry.outcome().get());
        } else {
            notifier.notify(sms.queuedBy(), "service.sms-failed", "回访短信发送失败：" + sms.phone(), "Return-visit SMS failed: " + sms.phone(),
                    "已尝试 " + tries + " 次：" + outcome.detail(), "Tried " + tries + " times: " + outcome.detail(),
                    "/return-visits?visit=" + sms.visitId());
        }
    }

    /** The message's sending time as decided (kept with its reasons), and its due task then. */
    private void schedule(long smsId, Decision<Instant> when) {
        decisions.record("return-visit-sms", String.valueOf(smsId), "send-at", when);
        sendAt(smsId, when.outcome());
    }

    /** The one due task a message has: (re)set to {@code at}. */
    private void sendAt(long smsId, Instant at) {
        dueTasks.schedule(KIND, String.valueOf(smsId), at, Map.of("smsId", smsId));
    }
}
