package io.yewu.service.internal;

import io.yewu.customer.CustomerSelection;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.service.internal.policy.CampaignPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SVC-6 campaign return visits (统一回访): customers drawn from the customer files by a filter (through the customer
 * module's {@link CustomerSelection}), shared among the return-visit desk in turn, by phone or SMS; every call is a
 * return visit with its attempts, and the campaign report counts reached, satisfaction and unreachable.
 */
@Component
class ReturnVisitCampaigns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> STAGES = Set.of("INTENTION", "FIRST_ORDER", "ACTIVE", "DORMANT");

    record NewCampaign(String name, String channel, String purpose, OffsetDateTime dueAt, CustomerSelection.Criteria criteria) {}

    record Filter(String q, String channel) {}

    record Row(long id, String name, String channel, String purpose, OffsetDateTime dueAt, int visitCount, String createdByName,
               OffsetDateTime createdAt, long open, long reached, long unreachable) {}

    record Report(Row campaign, Map<String, Object> criteria, long total, long open, long reached, long solved, long notSolved,
                  long unreachable, Map<Integer, Long> satisfaction, List<PerAgent> byAgent) {}

    record PerAgent(String name, long visits, long done, long reached) {}

    private final JdbcClient jdbc;
    private final CustomerSelection customers;
    private final UserDirectory users;
    private final Settings settings;
    private final DecisionRecords decisions;
    private final ReturnVisitSms sms;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    ReturnVisitCampaigns(JdbcClient jdbc, CustomerSelection customers, UserDirectory users, Settings settings,
                         DecisionRecords decisions, ReturnVisitSms sms, Notifier notifier, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.users = users;
        this.settings = settings;
        this.decisions = decisions;
        this.sms = sms;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    private static CustomerSelection.Criteria criteria(CustomerSelection.Criteria c) {
        if (c == null) return new CustomerSelection.Criteria(null, null, null, null, null);
        if (c.stage() != null && !c.stage().isBlank() && !STAGES.contains(c.stage())) throw ProblemException.invalid("criteria.stage", "invalid");
        for (String[] f : new String[][]{{"customerClass", c.customerClass()}, {"tag", c.tag()}, {"city", c.city()}}) {
            if (f[1] != null && f[1].length() > 100) throw ProblemException.invalid("criteria." + f[0], "too-long", 100);
        }
        return c;
    }

    long preview(YewuPrincipal user, CustomerSelection.Criteria c) {
        return customers.count(user, criteria(c));
    }

    @Transactional
    long create(YewuPrincipal user, NewCampaign in) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        Tickets.text(problems, "name", in.name(), 100, true);
        Tickets.text(problems, "purpose", in.purpose(), 1000, false);
        if (in.channel() == null || !Set.of("PHONE", "SMS").contains(in.channel())) {
            problems.add(new ProblemException.FieldProblem("channel", in.channel() == null ? "required" : "invalid"));
        }
        Instant now = clock.instant();
        if (in.dueAt() == null) problems.add(new ProblemException.FieldProblem("dueAt", "required"));
        else if (!in.dueAt().toInstant().isAfter(now)) problems.add(new ProblemException.FieldProblem("dueAt", "invalid"));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        CustomerSelection.Criteria c = criteria(in.criteria());
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        long max = snapshot.get(ServiceSettings.CAMPAIGN_MAX_CUSTOMERS);
        long count = customers.count(user, c);
        if (count == 0) throw ProblemException.invalid("criteria", "campaign-empty");
        if (count > max) throw ProblemException.invalid("criteria", "campaign-too-large", max, count);
        List<CustomerSelection.Contact> drawn = customers.select(user, c, (int) max);
        List<Long> desk = users.withRole(RoleCode.RETURN_VISIT, null);
        Decision<List<Long>> shared = CampaignPolicy.share(drawn.size(), desk, snapshot.version());
        if (desk.isEmpty()) throw ProblemException.conflict("campaign-no-desk");
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("stage", c.stage());
        stored.put("customerClass", c.customerClass());
        stored.put("keyAccount", c.keyAccount());
        stored.put("tag", c.tag());
        stored.put("city", c.city());
        long id = jdbc.sql("""
                INSERT INTO return_visit_campaign (company_id, name, channel, criteria, purpose, due_at, visit_count, created_by)
                VALUES (:c, :name, :channel, CAST(:criteria AS jsonb), :purpose, :due, :n, :by) RETURNING id""")
                .param("c", user.companyId()).param("name", in.name().strip()).param("channel", in.channel())
                .param("criteria", JSON.writeValueAsString(stored)).param("purpose", Tickets.strip(in.purpose()))
                .param("due", in.dueAt()).param("n", drawn.size()).param("by", user.id()).query(Long.class).single();
        long decisionId = decisions.record("return-visit-campaign", String.valueOf(id), "share", shared);
        jdbc.sql("UPDATE return_visit_campaign SET decision_id = :d WHERE company_id = :c AND id = :id")
                .param("d", decisionId).param("c", user.companyId()).param("id", id).update();
        Map<Long, Integer> perPerson = new HashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            CustomerSelection.Contact k = drawn.get(i);
            long to = shared.outcome().get(i);
            perPerson.merge(to, 1, Integer::sum);
            long visitId = jdbc.sql("""
                    INSERT INTO return_visit (company_id, campaign_id, customer_id, contact_name, contact_phone, reason, due_at,
                                              assigned_to, settings_version)
                    VALUES (:c, :campaign, :customer, :name, :phone, 'CAMPAIGN', :due, :to, :sv) RETURNING id""")
                    .param("c", user.companyId()).param("campaign", id).param("customer", k.customerId())
                    .param("name", k.contactName().isBlank() ? k.customerName() : k.contactName()).param("phone", k.phone())
                    .param("due", in.dueAt()).param("to", to).param("sv", snapshot.version()).query(Long.class).single();
            if ("SMS".equals(in.channel()) && !k.phone().isBlank()) {
                sms.enqueue(user, visitId, k.phone(), k.contactName().isBlank() ? k.customerName() : k.contactName(), "");
            }
        }
        perPerson.forEach((to, n) -> notifier.notify(to, "service.campaign-assigned", "统一回访：" + in.name().strip(),
                "Campaign return visits: " + in.name().strip(), "分配给您 " + n + " 户客户", n + " customers assigned to you",
                "/return-visits?campaignId=" + id));
        audit.record("return-visit-campaign", id, "created", Changes.of().created("name", in.name().strip())
                .created("channel", in.channel()).created("visits", drawn.size()));
        return id;
    }

    private static final String ROW = """
            SELECT cp.id, cp.name, cp.channel, cp.purpose, cp.due_at, cp.visit_count, u.display_name AS created_by_name, cp.created_at,
                   (SELECT count(*) FROM return_visit v WHERE v.company_id = cp.company_id AND v.campaign_id = cp.id AND v.closed_at IS NULL) AS open,
                   (SELECT count(*) FROM return_visit v WHERE v.company_id = cp.company_id AND v.campaign_id = cp.id AND v.state IN ('SOLVED', 'NOT_SOLVED')) AS reached,
                   (SELECT count(*) FROM return_visit v WHERE v.company_id = cp.company_id AND v.campaign_id = cp.id AND v.state IN ('UNREACHABLE', 'WRONG_CONTACT')) AS unreachable
            """;

    private static String fromWhere(YewuPrincipal user, Filter f, Map<String, Object> params) {
        params.put("c", user.companyId());
        StringBuilder sql = new StringBuilder(" FROM return_visit_campaign cp JOIN app_user u ON u.company_id = cp.company_id AND u.id = cp.created_by WHERE cp.company_id = :c");
        if (f != null && f.q() != null && !f.q().isBlank()) {
            sql.append(" AND cp.name ILIKE :q");
            params.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f != null && f.channel() != null && !f.channel().isBlank()) {
            sql.append(" AND cp.channel = :channel");
            params.put("channel", f.channel());
        }
        return sql.toString();
    }

    /** The list with its filters and the caller's scope, for a page of it or its export. */
    ListQuery<Row> query(YewuPrincipal user, Filter f) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = fromWhere(user, f, params);
        return new ListQuery<>(jdbc, Row.class, ROW + fromWhere, fromWhere, params, "cp.created_at DESC, cp.id DESC");
    }

    Page<Row> list(YewuPrincipal user, Filter f, PageQuery page) {
        return query(user, f).page(page);
    }

    @SuppressWarnings("unchecked")
    Report report(YewuPrincipal user, long id) {
        Map<String, Object> params = new HashMap<>();
        Row row = jdbc.sql(ROW + fromWhere(user, null, params) + " AND cp.id = :id").params(params).param("id", id)
                .query(Row.class).optional().orElseThrow(() -> ProblemException.notFound("campaign " + id));
        Map<String, Object> criteria = JSON.readValue(jdbc.sql("SELECT criteria::text FROM return_visit_campaign WHERE company_id = :c AND id = :id")
                .param("c", user.companyId()).param("id", id).query(String.class).single(), Map.class);
        Map<String, Object> counts = jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE closed_at IS NULL) AS open,
                       count(*) FILTER (WHERE state = 'SOLVED') AS solved, count(*) FILTER (WHERE state = 'NOT_SOLVED') AS not_solved,
                       count(*) FILTER (WHERE state IN ('UNREACHABLE', 'WRONG_CONTACT')) AS unreachable
                FROM return_visit WHERE company_id = :c AND campaign_id = :id""")
                .param("c", user.companyId()).param("id", id).query().singleRow();
        Map<Integer, Long> satisfaction = new LinkedHashMap<>();
        for (int level = 5; level >= 1; level--) satisfaction.put(level, 0L);
        jdbc.sql("""
                SELECT satisfaction, count(*) AS n FROM return_visit WHERE company_id = :c AND campaign_id = :id AND satisfaction IS NOT NULL
                GROUP BY satisfaction""").param("c", user.companyId()).param("id", id)
                .query((rs, i) -> Map.entry(rs.getInt("satisfaction"), rs.getLong("n"))).list()
                .forEach(e -> satisfaction.put(e.getKey(), e.getValue()));
        List<PerAgent> byAgent = jdbc.sql("""
                SELECT coalesce(u.display_name, '') AS name, count(*) AS visits, count(*) FILTER (WHERE v.closed_at IS NOT NULL) AS done,
                       count(*) FILTER (WHERE v.state IN ('SOLVED', 'NOT_SOLVED')) AS reached
                FROM return_visit v LEFT JOIN app_user u ON u.company_id = v.company_id AND u.id = v.assigned_to
                WHERE v.company_id = :c AND v.campaign_id = :id GROUP BY u.display_name ORDER BY u.display_name""")
                .param("c", user.companyId()).param("id", id).query(PerAgent.class).list();
        long solved = ((Number) counts.get("solved")).longValue();
        long notSolved = ((Number) counts.get("not_solved")).longValue();
        return new Report(row, criteria, ((Number) counts.get("total")).longValue(), ((Number) counts.get("open")).longValue(),
                solved + notSolved, solved, notSolved, ((Number) counts.get("unreachable")).longValue(), satisfaction, byAgent);
    }
}
