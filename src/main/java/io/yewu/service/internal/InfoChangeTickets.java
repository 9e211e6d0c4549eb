package io.yewu.service.internal;

import io.yewu.customer.CustomerChangeDecided;
import io.yewu.customer.CustomerChangeRequests;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SVC-1 information change (信息变更) → CUS-15: the ticket files a change request through the customer module's public
 * API (the same approval chain as on the customer's page), keeps its id and state, and closes when the customer
 * module tells the decision ({@link CustomerChangeDecided}, in the deciding transaction).
 */
@Component
class InfoChangeTickets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CustomerChangeRequests requests;
    private final TicketHistory history;
    private final TicketTimers timers;
    private final AuditTrail audit;
    private final Clock clock;

    InfoChangeTickets(JdbcClient jdbc, CustomerChangeRequests requests, TicketHistory history, TicketTimers timers,
                      AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.history = history;
        this.timers = timers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Files the request for an open information-change ticket of a customer that has none yet; the caller has
     * checked the ticket is the user's to work and locked it.
     */
    void file(YewuPrincipal user, long ticketId, Map<String, Object> changes) {
        record T(String type, String requesterKind, Long customerId, Long changeRequestId, String changeRequestState) {}
        T t = jdbc.sql("SELECT type, requester_kind, customer_id, change_request_id, change_request_state FROM ticket WHERE company_id = :c AND id = :id")
                .param("c", user.companyId()).param("id", ticketId).query(T.class).single();
        if (!"INFO_CHANGE".equals(t.type())) throw ProblemException.invalid("changes", "info-change-only");
        if (t.customerId() == null) throw ProblemException.invalid("customerId", "required");
        if ("PENDING".equals(t.changeRequestState())) throw ProblemException.conflict("change-pending");
        if (changes == null || changes.isEmpty()) throw ProblemException.invalid("changes", "required");
        long requestId = requests.fileForCustomer(user, t.customerId(), changes);
        Map<String, Object> asked = requests.state(user.companyId(), requestId).map(CustomerChangeRequests.State::changes).orElse(Map.of());
        jdbc.sql("""
                UPDATE ticket SET change_request_id = :r, change_request_state = 'PENDING', requested_changes = CAST(:asked AS jsonb),
                       version = version + 1 WHERE company_id = :c AND id = :id""")
                .param("r", requestId).param("asked", JSON.writeValueAsString(asked))
                .param("c", user.companyId()).param("id", ticketId).update();
        history.add(user.companyId(), ticketId, user.id(), "CHANGE_REQUESTED", "",
                Map.of("changeRequestId", requestId, "fields", List.copyOf(asked.keySet())), null);
        audit.record("ticket", ticketId, "change-requested", Changes.of().created("changeRequestId", requestId));
    }

    /**
     * The request was decided: the ticket records the state and, still open, closes with the outcome as its
     * resolution (the customer's answer is the decision itself; no return visit, decision 0033).
     */
    @EventListener
    void on(CustomerChangeDecided event) {
        record T(long id, String state) {}
        List<T> linked = jdbc.sql("""
                SELECT id, state FROM ticket WHERE company_id = :c AND change_request_id = :r AND change_request_state = 'PENDING'
                FOR UPDATE""").param("c", event.companyId()).param("r", event.requestId()).query(T.class).list();
        Instant now = clock.instant();
        for (T t : linked) {
            String comment = event.comment() == null ? "" : event.comment().strip();
            String resolution = switch (event.status()) {
                case "APPROVED" -> "信息变更已批准并生效 / The information change was approved and applied";
                case "REJECTED" -> "信息变更被驳回 / The information change was rejected" + (comment.isEmpty() ? "" : "：" + comment);
                default -> "信息变更申请已撤销 / The change request was cancelled" + (comment.isEmpty() ? "" : "：" + comment);
            };
            jdbc.sql("""
                    UPDATE ticket SET change_request_state = :s, version = version + 1,
                           state = CASE WHEN state = 'OPEN' THEN 'CLOSED' ELSE state END,
                           resolution = CASE WHEN state = 'OPEN' THEN :res ELSE resolution END,
                           resolved_at = CASE WHEN state = 'OPEN' THEN :now ELSE resolved_at END,
                           closed_at = CASE WHEN state = 'OPEN' THEN :now ELSE closed_at END
                    WHERE company_id = :c AND id = :id""")
                    .param("s", event.status()).param("res", resolution).param("now", Tickets.at(now))
                    .param("c", event.companyId()).param("id", t.id()).update();
            history.add(event.companyId(), t.id(), null, "CHANGE_DECIDED", comment,
                    Map.of("changeRequestId", event.requestId(), "status", event.status()), null);
            if ("OPEN".equals(t.state())) {
                timers.cancelAll(event.companyId(), t.id());
                history.add(event.companyId(), t.id(), null, "CLOSED", resolution, Map.of("changeRequestId", event.requestId()), null);
            }
            audit.record("ticket", t.id(), "change-decided", Changes.of().put("changeRequestState", "PENDING", event.status()));
        }
    }
}
