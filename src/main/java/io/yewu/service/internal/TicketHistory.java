package io.yewu.service.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Map;

/** Appends to a ticket's history (ticket_event, append-only): every step with its note, details and decision. */
@Component
class TicketHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    TicketHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param actorId null for the system (a timer, the public form) */
    void add(long companyId, long ticketId, Long actorId, String kind, String note, Map<String, Object> detail, Long decisionId) {
        jdbc.sql("""
                INSERT INTO ticket_event (company_id, ticket_id, at, actor_id, kind, note, detail, decision_id)
                VALUES (:c, :t, :at, :actor, :kind, :note, CAST(:detail AS jsonb), :decision)""")
                .param("c", companyId).param("t", ticketId).param("at", Tickets.at(clock.instant())).param("actor", actorId)
                .param("kind", kind).param("note", note == null ? "" : note).param("detail", JSON.writeValueAsString(detail))
                .param("decision", decisionId).update();
    }
}
