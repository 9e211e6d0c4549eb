package io.yewu.customer.internal;

import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The manager's views of the pool (with rankings), of late first contacts (CUS-12) and of fairness (CUS-11). */
@Component
class LeadQueries {

    record PooledLead(long id, String name, String city, String productCategory, String phone, Long departmentId,
                      OffsetDateTime createdAt, String enteredBy) {}

    record Ranked(long userId, String name, int rank, List<RuleHit> reasons) {}

    record PoolEntry(PooledLead lead, List<Ranked> ranking, List<CustomerQueries.Claim> claims) {}

    record Overdue(long id, String name, Long ownerId, String ownerName, OffsetDateTime assignedAt,
                   OffsetDateTime firstContactDue) {}

    record ReportRow(long userId, String name, long received, long contacted, long converted) {}

    record Report(LocalDate from, LocalDate to, List<ReportRow> rows, long spread) {}

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final LeadPool pool;
    private final LeadDistribution distribution;
    private final CustomerQueries customers;
    private final Clock clock;

    LeadQueries(JdbcClient jdbc, LeadPool pool, LeadDistribution distribution, CustomerQueries customers, Clock clock) {
        this.jdbc = jdbc;
        this.pool = pool;
        this.distribution = distribution;
        this.customers = customers;
        this.clock = clock;
    }

    Page<PoolEntry> pool(YewuPrincipal manager, PageQuery page) {
        var access = CustomerAccess.of(manager, "c");
        String fromWhere = " FROM customer c LEFT JOIN app_user e ON e.id = c.created_by WHERE c.owner_id IS NULL"
                + " AND c.stage <> 'CLOSED' AND " + access.inScopeSql();
        List<PooledLead> leads = jdbc.sql("""
                        SELECT c.id, c.name, c.city, c.product_category, c.department_id, c.created_at, e.display_name AS entered_by,
                               (SELECT cc.phone FROM customer_contact cc WHERE cc.company_id = c.company_id
                                  AND cc.customer_id = c.id AND cc.phone <> '' ORDER BY cc.id LIMIT 1) AS phone
                        """ + fromWhere + " ORDER BY c.id LIMIT :limit OFFSET :offset")
                .params(access.params()).param("limit", page.size()).param("offset", page.offset())
                .query(PooledLead.class).list();
        Instant now = clock.instant();
        long version = leads.isEmpty() ? 0 : distribution.settingsVersion(now);
        Map<Long, List<LeadRanking.Candidate>> teams = new HashMap<>();
        // the page's claims in one query, not one per lead
        Map<Long, List<CustomerQueries.Claim>> claimsByLead = customers.claimsOf(manager.companyId(),
                leads.stream().map(PooledLead::id).toList());
        List<PoolEntry> entries = leads.stream().map(l -> {
            // a customer without a department (e.g. an e-commerce buyer nobody owns, COM-3) has no team to rank
            var team = l.departmentId() == null ? List.<LeadRanking.Candidate>of()
                    : teams.computeIfAbsent(l.departmentId(), d -> pool.candidates(manager.companyId(), d, now));
            var ranking = distribution.suggest(l.id(), l.productCategory(), team, version)
                    .outcome().stream().map(r -> new Ranked(r.userId(), r.name(), r.rank(), r.reasons())).toList();
            return new PoolEntry(l, ranking, claimsByLead.getOrDefault(l.id(), List.of()));
        }).toList();
        return Page.of(entries, page, Page.cappedCount(jdbc, fromWhere, access.params()));
    }

    /** CUS-12: assigned leads past their first-contact deadline and still not contacted, a page at a time. */
    Page<Overdue> overdue(YewuPrincipal user, PageQuery page) {
        var scope = DataScope.of(user, "c.company_id", "c.owner_id");
        String fromWhere = """
                 FROM customer c JOIN app_user u ON u.company_id = c.company_id AND u.id = c.owner_id
                WHERE %s AND c.first_contacted_at IS NULL AND c.first_contact_due < :now""".formatted(scope.sql());
        OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        List<Overdue> items = jdbc.sql("SELECT c.id, c.name, c.owner_id, u.display_name AS owner_name, c.assigned_at, c.first_contact_due"
                        + fromWhere + " ORDER BY c.first_contact_due, c.id LIMIT :limit OFFSET :offset")
                .params(scope.params()).param("now", now).param("limit", page.size()).param("offset", page.offset())
                .query(Overdue.class).list();
        return Page.of(items, page, () -> jdbc.sql(Page.cappedCountSql(fromWhere)).params(scope.params()).param("now", now).query(Long.class).single());
    }

    /** Every overdue lead, streamed (the export). */
    void eachOverdue(YewuPrincipal user, java.util.function.Consumer<Overdue> sink) {
        var scope = DataScope.of(user, "c.company_id", "c.owner_id");
        try (var rows = jdbc.sql("""
                SELECT c.id, c.name, c.owner_id, u.display_name AS owner_name, c.assigned_at, c.first_contact_due
                FROM customer c JOIN app_user u ON u.company_id = c.company_id AND u.id = c.owner_id
                WHERE %s AND c.first_contacted_at IS NULL AND c.first_contact_due < :now
                ORDER BY c.first_contact_due, c.id""".formatted(scope.sql()))
                .params(scope.params()).param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .query(Overdue.class).stream()) {
            rows.forEach(sink);
        }
    }

    /** CUS-11: leads received, contacted and converted per salesperson in the period; spread = most − least received. */
    Report report(YewuPrincipal user, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        var scope = DataScope.of(user, "u.company_id", "u.id");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", start.atStartOfDay(SHANGHAI).toOffsetDateTime());
        params.put("to", end.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime());
        List<ReportRow> rows = jdbc.sql("""
                SELECT u.id AS user_id, u.display_name AS name,
                       count(o.id) AS received,
                       count(o.id) FILTER (WHERE c.first_contacted_at IS NOT NULL) AS contacted,
                       count(o.id) FILTER (WHERE c.stage IN ('FIRST_ORDER', 'ACTIVE', 'DORMANT')) AS converted
                FROM app_user u
                JOIN user_role ur ON ur.company_id = u.company_id AND ur.user_id = u.id
                JOIN role r ON r.id = ur.role_id AND r.code = 'SALESPERSON'
                LEFT JOIN customer_ownership o ON o.company_id = u.company_id AND o.owner_id = u.id
                     AND o.reason = 'ASSIGNED' AND o.valid_from >= :from AND o.valid_from < :to
                LEFT JOIN customer c ON c.company_id = o.company_id AND c.id = o.customer_id
                WHERE %s AND u.active
                GROUP BY u.id, u.display_name ORDER BY u.display_name""".formatted(scope.sql()))
                .params(params).query(ReportRow.class).list();
        long max = rows.stream().mapToLong(ReportRow::received).max().orElse(0);
        long min = rows.stream().mapToLong(ReportRow::received).min().orElse(0);
        return new Report(start, end, rows, max - min);
    }
}
