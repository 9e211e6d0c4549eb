package io.yewu.service;

import io.yewu.platform.security.CompanyContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test fixture: inserts bare tickets (V34) straight into the database, for the knowledge base and QC tests that
 * need tickets before the ticket services exist on this branch. A ticket answered at first contact, closed.
 */
public final class TicketFixture {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private TicketFixture() {}

    public static long ticket(JdbcClient jdbc, String ownerUsername, String type, Instant receivedAt) {
        return CompanyContext.callAsSystem(() -> jdbc.sql("""
                INSERT INTO ticket (company_id, number, channel, type, requester_kind, caller_name, caller_phone, subject,
                  state, owner_id, owner_department_id, received_at, first_contact_resolution, closed_at, created_by)
                SELECT u.company_id, 'GDT' || :seq, 'PHONE', :type, 'PROSPECT', '测试来电', '13800000000', '测试工单 ' || :seq,
                  'CLOSED', u.id, u.department_id, :at, true, :at, u.id
                FROM app_user u WHERE u.username = :owner RETURNING id""")
                .param("seq", SEQ.incrementAndGet()).param("type", type).param("at", java.sql.Timestamp.from(receivedAt))
                .param("owner", ownerUsername).query(Long.class).single());
    }

    public static long userId(JdbcClient jdbc, String username) {
        return CompanyContext.callAsSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", username).query(Long.class).single());
    }

    public static long departmentOf(JdbcClient jdbc, String username) {
        return CompanyContext.callAsSystem(() -> jdbc.sql("SELECT department_id FROM app_user WHERE username = :u")
                .param("u", username).query(Long.class).single());
    }
    /** A return visit of a ticket (V34): DUE when {@code state} is DUE, otherwise closed at {@code closedAt}. */
    public static long visit(JdbcClient jdbc, long ticketId, Instant dueAt, String state, Integer satisfaction, Instant closedAt) {
        return CompanyContext.callAsSystem(() -> jdbc.sql("""
                INSERT INTO return_visit (company_id, ticket_id, reason, due_at, state, solved, satisfaction, closed_at)
                SELECT company_id, id, 'RESOLVED_BY_OTHER', :due, :state, :solved, :sat, :closed FROM ticket WHERE id = :t RETURNING id""")
                .param("t", ticketId).param("due", java.sql.Timestamp.from(dueAt)).param("state", state)
                .param("solved", "DUE".equals(state) ? null : "SOLVED".equals(state), java.sql.Types.BOOLEAN)
                .param("sat", satisfaction, java.sql.Types.SMALLINT)
                .param("closed", closedAt == null ? null : java.sql.Timestamp.from(closedAt), java.sql.Types.TIMESTAMP)
                .query(Long.class).single());
    }

    /** Sets a ticket's subject (topics of the weekly analysis) and, for a complaint, its severity and root cause. */
    public static void describe(JdbcClient jdbc, long ticketId, String subject, String severity, String rootCause) {
        CompanyContext.runAsSystem(() -> jdbc.sql("UPDATE ticket SET subject = :s, severity = :sev, root_cause = :rc WHERE id = :t")
                .param("s", subject).param("sev", severity, java.sql.Types.VARCHAR).param("rc", rootCause, java.sql.Types.VARCHAR)
                .param("t", ticketId).update());
    }
}
