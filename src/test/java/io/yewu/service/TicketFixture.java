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
}
