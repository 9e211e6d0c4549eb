package io.yewu.service.internal;

import io.yewu.platform.demo.DemoCompanyCreated;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.CompanyContext;
import io.yewu.service.internal.analysis.QualityMonths;
import io.yewu.service.internal.policy.EscalationPolicy;
import io.yewu.service.internal.quality.QualityInspection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The demo company's service desk, so each service role has work on first start: tickets in every state (answered at
 * once, open, due soon, overdue and escalated, resolved with a return visit due, closed complaints), return visits
 * due (one overdue), a shift log entry. Written through {@link Tickets} like any intake; tickets made "earlier" are
 * moved back in time with their timers, which then fire on start as after a stop. Only with the demo customer book
 * on ({@code yewu.demo-data.customers > 0}), after it.
 */
@Component
class ServiceDemoData {

    private static final Logger log = LoggerFactory.getLogger(ServiceDemoData.class);

    private final Tickets tickets;
    private final QualityInspection quality;
    private final QualityMonths qualityMonths;
    private final JdbcClient jdbc;
    private final DueTasks dueTasks;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int size;

    private final io.yewu.customer.CustomerSelection selection;
    private final io.yewu.platform.demo.DemoUsers users;

    ServiceDemoData(Tickets tickets, QualityInspection quality, QualityMonths qualityMonths, JdbcClient jdbc, DueTasks dueTasks, TransactionTemplate tx,
                    Clock clock, io.yewu.customer.CustomerSelection selection, io.yewu.platform.demo.DemoUsers users,
                    @Value("${yewu.demo-data.customers:300}") int size) {
        this.selection = selection;
        this.users = users;
        this.tickets = tickets;
        this.quality = quality;
        this.qualityMonths = qualityMonths;
        this.jdbc = jdbc;
        this.dueTasks = dueTasks;
        this.tx = tx;
        this.clock = clock;
        this.size = size;
    }

    @EventListener
    @Order(Integer.MAX_VALUE)
    void on(DemoCompanyCreated event) {
        if (size <= 0) return;
        try {
            int n = CompanyContext.callAs(event.companyId(), () -> tx.execute(s -> write(event.companyId())));
            log.info("Demo service desk: {} tickets", n);
        } catch (RuntimeException e) {
            log.error("Demo tickets could not be generated; the demo company starts without them", e);
        }
    }

    private record Plan(String owner, String type, String caller, String phone, String subject, String state, int hoursAgo,
                        int promiseHours, String resolver) {}

    private int write(long companyId) {
        List<Plan> plans = List.of(
                new Plan("agent1", "INQUIRY", "张先生", "13800138001", "本月卷烟价格政策咨询", "FCR", 30, 0, null),
                new Plan("agent1", "ORDERING_FAULT", "李女士", "13800138002", "网上订货页面无法提交", "OPEN", 1, 20, null),
                new Plan("agent1", "ORDER_SETTLEMENT", "王老板", "13800138003", "对账单金额不符", "OPEN", 20, 4, null),      // due soon
                new Plan("agent1", "COMPLAINT", "赵经理", "13800138004", "送货员态度差", "OPEN", 30, 2, null),              // overdue, escalated
                new Plan("agent2", "SPECIAL_REQUEST", "钱老板", "13800138005", "希望周六送货", "OPEN", 2, 8, null),
                new Plan("agent2", "INFO_CHANGE", "孙先生", "13800138006", "变更收货地址", "OPEN", 26, 1, null),           // overdue
                new Plan("agent2", "COMPLAINT", "周女士", "13800138007", "到货破损", "RESOLVED", 50, 0, "agent2"),          // visit due
                new Plan("agent1", "ORDER_SETTLEMENT", "吴老板", "13800138008", "发票抬头错误", "RESOLVED", 90, 0, "finance"), // visit overdue
                new Plan("agent2", "SUGGESTION", "郑先生", "13800138009", "建议增加夜间配送", "FCR", 5, 0, null));
        Instant now = clock.instant();
        List<Long> customers = jdbc.sql("SELECT id FROM customer WHERE company_id = :c AND owner_id IS NOT NULL ORDER BY id LIMIT 20")
                .param("c", companyId).query(Long.class).list();
        int i = 0;
        for (Plan p : plans) {
            long owner = user(companyId, p.owner());
            boolean fcr = "FCR".equals(p.state());
            long id = tickets.receive(companyId, owner, null, new Tickets.Intake("PHONE", p.type(), "CONSUMER", null, null,
                    p.caller(), p.phone(), "", null, p.subject(), "", false, null, null,
                    "COMPLAINT".equals(p.type()) ? "MEDIUM" : null, false, null, null, null, null), true);
            if (!customers.isEmpty() && i % 2 == 0) {
                jdbc.sql("UPDATE ticket SET requester_kind = 'CUSTOMER', customer_id = :cust WHERE company_id = :c AND id = :id")
                        .param("cust", customers.get(i % customers.size())).param("c", companyId).param("id", id).update();
            }
            Instant received = received(now, p.hoursAgo());
            if (fcr) {
                jdbc.sql("""
                        UPDATE ticket SET state = 'CLOSED', first_contact_resolution = true, promised_at = NULL, resolution = '当场答复',
                               resolved_at = :at, resolved_by = owner_id, closed_at = :at, received_at = :at WHERE company_id = :c AND id = :id""")
                        .param("at", Tickets.at(received)).param("c", companyId).param("id", id).update();
                jdbc.sql("UPDATE ticket_timer SET cancelled_at = now() WHERE company_id = :c AND ticket_id = :id")
                        .param("c", companyId).param("id", id).update();
                for (EscalationPolicy.Timer t : EscalationPolicy.Timer.values()) dueTasks.cancel(TicketTimers.KIND, TicketTimers.key(id, 1, t));
            } else if ("OPEN".equals(p.state())) {
                Instant promised = received.plus(Duration.ofHours(p.promiseHours()));
                Duration span = Duration.between(received, promised);
                Map<EscalationPolicy.Timer, Instant> due = Map.of(EscalationPolicy.Timer.REMIND, received.plus(span.multipliedBy(3).dividedBy(4)),
                        EscalationPolicy.Timer.OVERDUE, promised, EscalationPolicy.Timer.DIRECTOR, promised.plus(Duration.ofHours(24)));
                jdbc.sql("UPDATE ticket SET received_at = :r, promised_at = :p WHERE company_id = :c AND id = :id")
                        .param("r", Tickets.at(received)).param("p", Tickets.at(promised)).param("c", companyId).param("id", id).update();
                due.forEach((t, at) -> {
                    jdbc.sql("UPDATE ticket_timer SET due_at = :at WHERE company_id = :c AND ticket_id = :id AND kind = :k")
                            .param("at", Tickets.at(at)).param("c", companyId).param("id", id).param("k", t.name()).update();
                    dueTasks.schedule(TicketTimers.KIND, TicketTimers.key(id, 1, t), at, Map.of("ticketId", id, "cycle", 1, "timer", t.name()));
                });
            } else {
                long resolver = user(companyId, p.resolver());
                jdbc.sql("UPDATE ticket SET received_at = :r WHERE company_id = :c AND id = :id")
                        .param("r", Tickets.at(received)).param("c", companyId).param("id", id).update();
                if (!p.resolver().equals(p.owner())) {
                    jdbc.sql("INSERT INTO ticket_assignee (company_id, ticket_id, role, user_id, assigned_by) VALUES (:c, :t, 'ASSIGNEE', :u, :o)")
                            .param("c", companyId).param("t", id).param("u", resolver).param("o", owner).update();
                }
                Instant resolvedAt = received.plus(Duration.ofHours(3));
                jdbc.sql("""
                        UPDATE ticket SET state = 'RESOLVED', resolution = '已处理', resolved_at = :at, resolved_by = :by,
                               root_cause = CASE WHEN type = 'COMPLAINT' THEN 'DELIVERY' END,
                               cause_analysis = CASE WHEN type = 'COMPLAINT' THEN '装卸不当' ELSE '' END,
                               corrective_action = CASE WHEN type = 'COMPLAINT' THEN '加强装卸培训' ELSE '' END
                        WHERE company_id = :c AND id = :id""")
                        .param("at", Tickets.at(resolvedAt)).param("by", resolver).param("c", companyId).param("id", id).update();
                jdbc.sql("UPDATE ticket_timer SET cancelled_at = now() WHERE company_id = :c AND ticket_id = :id")
                        .param("c", companyId).param("id", id).update();
                for (EscalationPolicy.Timer t : EscalationPolicy.Timer.values()) dueTasks.cancel(TicketTimers.KIND, TicketTimers.key(id, 1, t));
                jdbc.sql("""
                        INSERT INTO return_visit (company_id, ticket_id, customer_id, contact_name, contact_phone, reason, due_at)
                        SELECT company_id, id, customer_id, caller_name, caller_phone, :reason, :due FROM ticket WHERE company_id = :c AND id = :id""")
                        .param("reason", "COMPLAINT".equals(p.type()) ? "COMPLAINT" : "RESOLVED_BY_OTHER")
                        .param("due", Tickets.at(resolvedAt.plus(Duration.ofHours(72)))).param("c", companyId).param("id", id).update();
            }
            i++;
        }
        jdbc.sql("""
                INSERT INTO shift_log (company_id, author_id, department_id, shift_date, shift, content, urgent_items, handover_customers, prospects)
                SELECT company_id, id, department_id, :d, 'DAY', '白班来电 46 个，咨询 31 个，投诉 2 个，均已登记', '赵经理投诉今日须答复',
                       '王老板（对账单金额不符，财务核对中）', '郑先生（有意订购新品，明天上午回电）'
                FROM app_user WHERE company_id = :c AND username = 'shiftlead'""")
                .param("d", OffsetDateTime.ofInstant(now, Tickets.ZONE).toLocalDate()).param("c", companyId).update();
        qcSamples(companyId, now);
        roster(companyId, YearMonth.from(now.atZone(Tickets.ZONE)));
        roster(companyId, YearMonth.from(now.atZone(Tickets.ZONE)).minusMonths(1));
        // next month's too, as a shift lead publishes it ahead: on a month's last evening the next shift is rostered
        roster(companyId, YearMonth.from(now.atZone(Tickets.ZONE)).plusMonths(1));
        rollCallAndLastMonth(companyId, now);
        campaign(companyId, now);
        testScores(companyId, now);
        return plans.size();
    }

    /**
     * When a demo ticket was received: {@code hoursAgo} before now, except that a ticket of the last few hours stays in
     * the current month (Asia/Shanghai). In the first hours of a month the month's QC sample (QC-1) draws from this
     * month's tickets, and the inspector's page opens on this month; without this it would be empty until morning.
     */
    static Instant received(Instant now, int hoursAgo) {
        Instant at = now.minus(Duration.ofHours(hoursAgo));
        if (hoursAgo > RECENT_HOURS) return at;
        Instant monthStart = YearMonth.from(now.atZone(Tickets.ZONE)).atDay(1).atStartOfDay(Tickets.ZONE).toInstant();
        return at.isBefore(monthStart) ? monthStart : at;
    }

    private static final int RECENT_HOURS = 6;

    /**
     * QC-1 / QC-2 on first start: the month's sample proposed for each agent (as the 1st-of-month job does for the
     * month before), and agent2's scored by the inspector, so the inspector has one to score and the agent one score
     * to read. Only the current month: the month before is the job's, on its own tickets.
     */
    private void qcSamples(long companyId, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(Tickets.ZONE));
        quality.propose(companyId, current);
        jdbc.sql("""
                UPDATE qc_sample s SET inspector_id = i.id, scored_at = :at, total = 86, max_total = 100,
                       scores = CAST(:scores AS jsonb), comments = '礼貌用语规范，但语调偏生硬，请注意语气。',
                       version = s.version + 1
                FROM app_user i, app_user a
                WHERE s.company_id = :c AND i.company_id = :c AND i.username = 'qc' AND a.company_id = :c AND a.username = 'agent2'
                  AND s.agent_id = a.id AND s.month = :m""")
                .param("at", Tickets.at(now.minus(Duration.ofHours(1))))
                .param("scores", "{\"LANGUAGE\": 18, \"GREETING\": 10, \"RESPONSE\": 9, \"FAREWELL\": 10, \"ATTITUDE\": 14, "
                        + "\"TONE\": 5, \"NEED_SUMMARY\": 8, \"HANDLING\": 12}")
                .param("c", companyId).param("m", current.atDay(1)).update();
    }

    /** SVC-10: a month's roster — the agents rotate day, day, night, rest; the shift lead works days. */
    private void roster(long companyId, YearMonth month) {
        String[] pattern = {"DAY", "DAY", "NIGHT", "REST"};
        List<String> people = List.of("agent1", "agent2", "revisit", "shiftlead");
        long lead = user(companyId, "shiftlead");
        for (int p = 0; p < people.size(); p++) {
            long u = user(companyId, people.get(p));
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                String shift = "shiftlead".equals(people.get(p))
                        ? (month.atDay(d).getDayOfWeek().getValue() >= 6 ? "REST" : "DAY")
                        : pattern[(d + p) % pattern.length];
                jdbc.sql("INSERT INTO shift_roster (company_id, user_id, day, shift, set_by) VALUES (:c, :u, :d, :s, :by)")
                        .param("c", companyId).param("u", u).param("d", month.atDay(d)).param("s", shift).param("by", lead).update();
            }
        }
    }

    /**
     * SVC-10: yesterday's day-shift roll call (one agent absent, the review), two shift logs of last month and last
     * month's service-quality analysis, as the job leaves it on the due day.
     */
    private void rollCallAndLastMonth(long companyId, Instant now) {
        java.time.LocalDate yesterday = now.atZone(Tickets.ZONE).toLocalDate().minusDays(1);
        long lead = user(companyId, "shiftlead");
        long rollCall = jdbc.sql("""
                INSERT INTO shift_roll_call (company_id, shift_day, shift, lead_id, review, findings, present, absent)
                VALUES (:c, :d, 'DAY', :lead, '昨日夜班交接清楚；提醒大家注意语音语调，投诉电话先安抚再记录。',
                        CAST('[{"item": "TONE", "averageRate": 0.5000, "training": "TEAM"}]' AS jsonb), 2, 1) RETURNING id""")
                .param("c", companyId).param("d", yesterday).param("lead", lead).query(Long.class).single();
        String[][] lines = {{"shiftlead", "true"}, {"agent1", "true"}, {"agent2", "false"}};
        for (String[] l : lines) {
            jdbc.sql("INSERT INTO shift_roll_call_line (company_id, roll_call_id, user_id, present) VALUES (:c, :r, :u, :p)")
                    .param("c", companyId).param("r", rollCall).param("u", user(companyId, l[0])).param("p", Boolean.parseBoolean(l[1])).update();
        }
        YearMonth last = YearMonth.from(now.atZone(Tickets.ZONE)).minusMonths(1);
        for (int d : new int[] {3, 17}) {
            jdbc.sql("""
                    INSERT INTO shift_log (company_id, author_id, department_id, shift_date, shift, content, urgent_items, handover_customers, prospects)
                    SELECT company_id, id, department_id, :d, :s, :content, :urgent, '陈老板（发票重开，财务处理中）', '刘女士（咨询新品，约好回电）'
                    FROM app_user WHERE company_id = :c AND username = 'shiftlead'""")
                    .param("d", last.atDay(d)).param("s", d == 3 ? "DAY" : "NIGHT")
                    .param("content", d == 3 ? "白班来电 52 个，咨询 35 个，投诉 3 个" : "夜班来电 11 个，均已登记")
                    .param("urgent", d == 3 ? "网上订货系统故障，已报信息中心" : "").param("c", companyId).update();
        }
        qualityMonths.produceFor(companyId, last);
    }

    /** SVC-6: a campaign return visit to the key accounts before the holiday, two calls already made. */
    private void campaign(long companyId, Instant now) {
        long desk = user(companyId, "revisit");
        long campaign = jdbc.sql("""
                INSERT INTO return_visit_campaign (company_id, name, channel, criteria, purpose, due_at, visit_count, created_by)
                VALUES (:c, '重点客户节前回访', 'PHONE', CAST('{"keyAccount": true}' AS jsonb), '节前问候，了解供货与服务满意度', :due, 0, :by)
                RETURNING id""")
                .param("c", companyId).param("due", Tickets.at(now.plus(Duration.ofDays(5)))).param("by", user(companyId, "servicedir"))
                .query(Long.class).single();
        // the key accounts as the service director sees them, through the customer module (CustomerSelection)
        var director = users.load(companyId, List.of("servicedir")).get("servicedir");
        var picked = selection.select(director, new io.yewu.customer.CustomerSelection.Criteria(null, null, true, null, null), 8);
        int n = jdbc.sql("""
                INSERT INTO return_visit (company_id, campaign_id, customer_id, contact_name, contact_phone, reason, due_at, assigned_to)
                SELECT :c, :campaign, k.id, k.name, k.phone, 'CAMPAIGN', :due, :desk
                FROM unnest(CAST(:ids AS bigint[]), CAST(:names AS text[]), CAST(:phones AS text[])) AS k(id, name, phone)""")
                .param("campaign", campaign).param("due", Tickets.at(now.plus(Duration.ofDays(5)))).param("desk", desk).param("c", companyId)
                .param("ids", picked.stream().map(io.yewu.customer.CustomerSelection.Contact::customerId).toArray(Long[]::new))
                .param("names", picked.stream().map(k -> k.contactName() == null || k.contactName().isBlank() ? k.customerName() : k.contactName()).toArray(String[]::new))
                .param("phones", picked.stream().map(k -> k.phone() == null ? "" : k.phone()).toArray(String[]::new))
                .update();
        jdbc.sql("UPDATE return_visit_campaign SET visit_count = :n WHERE company_id = :c AND id = :id")
                .param("n", n).param("c", companyId).param("id", campaign).update();
        List<Long> visits = jdbc.sql("SELECT id FROM return_visit WHERE company_id = :c AND campaign_id = :id ORDER BY id LIMIT 2")
                .param("c", companyId).param("id", campaign).query(Long.class).list();
        for (int i = 0; i < visits.size(); i++) {
            Instant at = now.minus(Duration.ofHours(2 + i));
            jdbc.sql("""
                    INSERT INTO return_visit_attempt (company_id, visit_id, at, by_user_id, outcome, channel, note)
                    VALUES (:c, :v, :at, :by, 'REACHED', 'PHONE', '客户对供货满意')""")
                    .param("c", companyId).param("v", visits.get(i)).param("at", Tickets.at(at)).param("by", desk).update();
            jdbc.sql("""
                    UPDATE return_visit SET attempts = 1, state = 'SOLVED', solved = true, satisfaction = :sat, closed_at = :at, closed_by = :by
                    WHERE company_id = :c AND id = :id""")
                    .param("sat", 5 - i).param("at", Tickets.at(at)).param("by", desk).param("c", companyId).param("id", visits.get(i)).update();
        }
    }

    /** KB-2: a few knowledge test scores of the agents. */
    private void testScores(long companyId, Instant now) {
        long lead = user(companyId, "shiftlead");
        java.time.LocalDate today = now.atZone(Tickets.ZONE).toLocalDate();
        Object[][] scores = {{"agent1", "新品上市统一口径", "92.00", 3}, {"agent2", "新品上市统一口径", "85.50", 3},
                {"agent1", "投诉处理话术", "78.00", 12}, {"agent2", "价格政策", "58.00", 20}, {"revisit", "回访话术", "95.00", 8}};
        for (Object[] s : scores) {
            jdbc.sql("""
                    INSERT INTO kb_test_score (company_id, agent_id, test_name, score, max_score, taken_on, recorded_by, recorded_at)
                    VALUES (:c, :a, :t, :s, 100, :d, :by, now())""")
                    .param("c", companyId).param("a", user(companyId, (String) s[0])).param("t", s[1])
                    .param("s", new java.math.BigDecimal((String) s[2])).param("d", today.minusDays((Integer) s[3])).param("by", lead).update();
        }
    }

    private long user(long companyId, String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE company_id = :c AND username = :u").param("c", companyId).param("u", username)
                .query(Long.class).single();
    }
}
