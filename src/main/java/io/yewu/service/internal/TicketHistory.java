package io.yewu.service.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
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

    /** A step of a ticket's history. @param actorId null for the system (a timer, the public form) */
    record Event(long ticketId, Long actorId, String kind, String note, Map<String, Object> detail, Long decisionId) {}

    /** @param actorId null for the system (a timer, the public form) */
    void add(long companyId, long ticketId, Long actorId, String kind, String note, Map<String, Object> detail, Long decisionId) {
        addAll(companyId, List.of(new Event(ticketId, actorId, kind, note, detail, decisionId)));
    }

    /** Several steps, in the order given, in one statement. */
    void addAll(long companyId, List<Event> events) {
        if (events.isEmpty()) return;
        jdbc.sql("""
                INSERT INTO ticket_event (company_id, ticket_id, at, actor_id, kind, note, detail, decision_id)
                SELECT :c, e.ticket_id, :at, e.actor_id, e.kind, e.note, CAST(e.detail AS jsonb), e.decision_id
                FROM unnest(CAST(:tickets AS bigint[]), CAST(:actors AS bigint[]), CAST(:kinds AS text[]), CAST(:notes AS text[]),
                            CAST(:details AS text[]), CAST(:decisions AS bigint[]))
                     WITH ORDINALITY AS e(ticket_id, actor_id, kind, note, detail, decision_id, n)
                ORDER BY e.n""")
                .param("c", companyId).param("at", Tickets.at(clock.instant()))
                .param("tickets", events.stream().map(Event::ticketId).toArray(Long[]::new))
                .param("actors", events.stream().map(Event::actorId).toArray(Long[]::new))
                .param("kinds", events.stream().map(Event::kind).toArray(String[]::new))
                .param("notes", events.stream().map(e -> e.note() == null ? "" : e.note()).toArray(String[]::new))
                .param("details", events.stream().map(e -> JSON.writeValueAsString(e.detail())).toArray(String[]::new))
                .param("decisions", events.stream().map(Event::decisionId).toArray(Long[]::new))
                .update();
    }
}
