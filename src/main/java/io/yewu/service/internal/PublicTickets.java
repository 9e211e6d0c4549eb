package io.yewu.service.internal;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * SVC-1 online channel: the public form files a ticket without login and answers its number; the caller looks its
 * status up with number and phone. Abuse is held off without CAPTCHA by a per-address hourly limit kept in the
 * database (decisions 0020 point 16).
 */
@Component
class PublicTickets {

    record Submission(String company, String name, String phone, String type, String subject, String description) {}

    record StatusQuery(String company, String number, String phone) {}

    record Filed(String number) {}

    record Status(String number, String type, String state, OffsetDateTime receivedAt, OffsetDateTime promisedAt,
                  OffsetDateTime closedAt) {}

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Settings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    PublicTickets(JdbcClient jdbc, Tickets tickets, Settings settings, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    Filed file(Submission in, String address) {
        if (in.company() == null || in.company().isBlank()) throw ProblemException.invalid("company", "required");
        long companyId = company(in.company()).orElseThrow(() -> ProblemException.invalid("company", "unknown", in.company()));
        if (in.phone() == null || in.phone().isBlank()) throw ProblemException.invalid("phone", "required");
        return CompanyContext.callAs(companyId, () -> {
            // counted in its own transaction, so a refused or failed submission still counts
            tx.executeWithoutResult(s -> countSubmission(companyId, address));
            return tx.execute(s -> {
                long owner = firstReceiver(companyId);
                long id = tickets.receive(companyId, owner, null, new Tickets.Intake("ONLINE_FORM", in.type(), "CONSUMER", null, null,
                        in.name(), in.phone(), "", null, in.subject(), in.description(), false, null, null, null, null, null, null, null, null), true);
                return new Filed(jdbc.sql("SELECT number FROM ticket WHERE company_id = :c AND id = :id")
                        .param("c", companyId).param("id", id).query(String.class).single());
            });
        });
    }

    Status status(StatusQuery in) {
        ProblemException notFound = ProblemException.notFound("ticket");
        if (in.company() == null || in.number() == null || in.phone() == null) throw notFound;
        long companyId = company(in.company()).orElseThrow(() -> notFound);
        return CompanyContext.callAs(companyId, () -> tx.execute(s -> jdbc.sql("""
                SELECT number, type, state, received_at, promised_at, closed_at FROM ticket
                WHERE company_id = :c AND number = :n AND caller_phone = :p AND caller_phone <> ''""")
                .param("c", companyId).param("n", in.number().strip()).param("p", in.phone().strip())
                .query(Status.class).optional().orElseThrow(() -> notFound)));
    }

    private void countSubmission(long companyId, String address) {
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        jdbc.sql("DELETE FROM public_ticket_quota WHERE company_id = :c AND hour < :old")
                .param("c", companyId).param("old", Tickets.at(hour.minus(Duration.ofDays(1)))).update();
        int used = jdbc.sql("""
                INSERT INTO public_ticket_quota (company_id, address, hour, used) VALUES (:c, :a, :h, 1)
                ON CONFLICT (company_id, address, hour) DO UPDATE SET used = public_ticket_quota.used + 1 RETURNING used""")
                .param("c", companyId).param("a", address == null ? "" : address).param("h", Tickets.at(hour))
                .query(Integer.class).single();
        long limit = settings.snapshotAt(now).get(ServiceSettings.PUBLIC_PER_HOUR);
        if (used > limit) {
            long retryAfter = Math.max(1, Duration.between(now, hour.plus(Duration.ofHours(1))).toSeconds());
            // the count must stay: thrown after this transaction commits
            throw new QuotaExceeded(retryAfter);
        }
    }

    /** Carries the refusal out of the counting transaction without rolling the count back. */
    static final class QuotaExceeded extends RuntimeException {
        final long retryAfter;

        QuotaExceeded(long retryAfter) {
            super("public ticket quota", null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    static ProblemException tooMany(long retryAfter) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "public-too-many", List.of(), retryAfter)
                .with(ProblemException.RETRY_AFTER, retryAfter);
    }

    /** The agent with the fewest open tickets receives an online question (decisions 0020 point 12). */
    private long firstReceiver(long companyId) {
        return jdbc.sql("""
                SELECT u.id FROM app_user u JOIN user_role ur ON ur.company_id = u.company_id AND ur.user_id = u.id
                JOIN role r ON r.company_id = ur.company_id AND r.id = ur.role_id
                WHERE u.company_id = :c AND u.active AND r.code IN (:roles)
                ORDER BY (r.code <> 'SERVICE_AGENT'),
                         (SELECT count(*) FROM ticket t WHERE t.company_id = u.company_id AND t.owner_id = u.id AND t.state = 'OPEN'), u.id
                LIMIT 1""")
                .param("c", companyId).param("roles", List.of(RoleCode.SERVICE_AGENT.name(), RoleCode.SHIFT_LEAD.name(), RoleCode.SERVICE_DIRECTOR.name()))
                .query(Long.class).optional().orElseThrow(() -> ProblemException.invalid("company", "unknown"));
    }

    private Optional<Long> company(String code) {
        return jdbc.sql("SELECT id FROM company WHERE code = :code").param("code", code.strip()).query(Long.class).optional();
    }
}
