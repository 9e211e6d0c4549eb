package io.yewu.customer.internal;

import io.yewu.customer.internal.visit.VisitDemoData;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.demo.DemoCompanyCreated;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.DataScopeLevel;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The demo company's customer side, written once when the platform has created 演示公司 ({@link DemoCompanyCreated}):
 * the book of {@link DemoCustomerPlan} placed around today (Beijing time). Files, leads, distributions, claims, a
 * dispute and change requests go through the same services as the API, acting as the demo users, so keys, ownership
 * periods, decisions, approvals and audit rows are real; what only history can produce (a file made weeks ago, an
 * order months ago, past follow-ups) is then set with a few set-based statements. All in one transaction: a failure
 * leaves the company without customers and the application starts anyway. {@code yewu.demo-data.customers=0} turns it
 * off (the integration tests do, to start from an empty book).
 */
@Component
class CustomerDemoData {

    /** What was written, for the log line and the tests. */
    record Summary(int customers, int followUps, int routes, int visits, long millis) {}

    private static final Logger log = LoggerFactory.getLogger(CustomerDemoData.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CustomerFiling filing;
    private final LeadDistribution distribution;
    private final Disputes disputes;
    private final CustomerChanges changes;
    private final VisitDemoData visits;
    private final DueTasks dueTasks;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;
    private final int size;

    CustomerDemoData(JdbcClient jdbc, TransactionTemplate tx, CustomerFiling filing, LeadDistribution distribution,
                     Disputes disputes, CustomerChanges changes, VisitDemoData visits, DueTasks dueTasks, AuditTrail audit,
                     Settings settings, Clock clock, @Value("${yewu.demo-data.customers:300}") int size) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.filing = filing;
        this.distribution = distribution;
        this.disputes = disputes;
        this.changes = changes;
        this.visits = visits;
        this.dueTasks = dueTasks;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.size = size;
    }

    @EventListener
    void on(DemoCompanyCreated event) {
        if (size <= 0) return;
        try {
            Summary s = generate(event.companyId());
            log.info("Demo customers: {} customers and leads, {} follow-ups, {} routes, {} visits in {} ms",
                    s.customers(), s.followUps(), s.routes(), s.visits(), s.millis());
        } catch (RuntimeException e) {
            log.error("Demo customers could not be generated; the demo company starts without them", e);
        }
    }

    Summary generate(long companyId) {
        long start = System.nanoTime();
        var context = SecurityContextHolder.getContext();
        try {
            int[] counts = CompanyContext.callAs(companyId, () -> tx.execute(s -> write(companyId)));
            return new Summary(counts[0], counts[1], counts[2], counts[3], (System.nanoTime() - start) / 1_000_000);
        } finally {
            SecurityContextHolder.setContext(context);
        }
    }

    private int[] write(long companyId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        Map<String, YewuPrincipal> people = principals(companyId);
        skills(companyId, people);

        List<DemoCustomerPlan.Customer> plan = DemoCustomerPlan.of(size);
        Map<Integer, Long> ids = new LinkedHashMap<>();
        for (DemoCustomerPlan.Customer c : plan) {
            YewuPrincipal filer = people.get(c.filer());
            CustomerFiling.Mode mode = c.kind().online() ? CustomerFiling.Mode.LEAD_ENTRY : CustomerFiling.Mode.SALESPERSON_FILES;
            ids.put(c.no(), as(filer, () -> filing.file(filer, c.input(), mode)));
        }

        YewuPrincipal manager = people.get("manager");
        List<LeadDistribution.Assignment> toAssign = plan.stream()
                .filter(c -> c.kind() == DemoCustomerPlan.Kind.DISTRIBUTED_TODAY || c.kind() == DemoCustomerPlan.Kind.FIRST_CONTACT_OVERDUE)
                .map(c -> new LeadDistribution.Assignment(ids.get(c.no()), null)).toList();
        if (!toAssign.isEmpty()) as(manager, () -> distribution.distribute(manager, toAssign));

        placeInTime(companyId, plan, ids, now, today);
        int followUps = followUps(companyId, plan, ids, people, today);
        claimsAndDisputes(people, plan, ids);
        changeRequests(people, plan, ids);

        Map<YewuPrincipal, List<VisitDemoData.Stop>> books = new LinkedHashMap<>();
        for (String username : DemoCustomerPlan.SALESPEOPLE) {
            YewuPrincipal p = people.get(username);
            books.put(p, plan.stream().filter(c -> c.filer().equals(username))
                    .filter(c -> c.kind() == DemoCustomerPlan.Kind.ACTIVE || c.kind() == DemoCustomerPlan.Kind.FIRST_ORDER)
                    .map(c -> new VisitDemoData.Stop(ids.get(c.no()), c.input().city())).toList());
        }
        VisitDemoData.Written written = visits.write(books, now, this::as);
        return new int[]{plan.size(), followUps, written.routes(), written.visits()};
    }

    /** Files, ownership periods and stages as they would stand after the weeks and months the plan describes. */
    private void placeInTime(long companyId, List<DemoCustomerPlan.Customer> plan, Map<Integer, Long> ids, Instant now,
                             LocalDate today) {
        int n = plan.size();
        Long[] id = new Long[n];
        String[] stage = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        OffsetDateTime[] lastOrder = new OffsetDateTime[n];
        OffsetDateTime[] assigned = new OffsetDateTime[n];
        OffsetDateTime[] contactDue = new OffsetDateTime[n];
        long contactDays = settings.snapshotAt(now).get(CustomerSettings.FIRST_CONTACT_DAYS);
        for (int i = 0; i < n; i++) {
            DemoCustomerPlan.Customer c = plan.get(i);
            id[i] = ids.get(c.no());
            stage[i] = c.kind().online() ? null : c.kind().stage();
            created[i] = c.createdDaysAgo() == 0 ? now.atOffset(ZoneOffset.UTC)
                    : today.minusDays(c.createdDaysAgo()).atTime(LocalTime.of(9, 0).plusMinutes(7L * (c.no() % 60)))
                    .atZone(SHANGHAI).toOffsetDateTime();
            lastOrder[i] = c.lastOrderDaysAgo() == null ? null
                    : today.minusDays(c.lastOrderDaysAgo()).atTime(14, 30).atZone(SHANGHAI).toOffsetDateTime();
            if (c.kind() == DemoCustomerPlan.Kind.FIRST_CONTACT_OVERDUE) {
                assigned[i] = created[i].plusDays(2).plusHours(1);
                contactDue[i] = assigned[i].plus(Duration.ofDays(contactDays));
            }
        }
        // one statement for the files. Leads keep the stage the entry or the distribution gave them; a file's intention
        // date is the day it was filed, a distributed lead's the day it was assigned
        jdbc.sql("""
                UPDATE customer c SET stage = coalesce(p.stage, c.stage), created_at = p.created,
                       intention_on = CASE WHEN p.stage IS NOT NULL THEN (p.created AT TIME ZONE 'Asia/Shanghai')::date
                                           WHEN c.intention_on IS NOT NULL AND p.assigned IS NOT NULL
                                                THEN (p.assigned AT TIME ZONE 'Asia/Shanghai')::date
                                           ELSE c.intention_on END,
                       last_order_at = p.last_order,
                       assigned_at = coalesce(p.assigned, c.assigned_at), first_contact_due = coalesce(p.due, c.first_contact_due)
                FROM unnest(CAST(:ids AS bigint[]), CAST(:stages AS text[]), CAST(CAST(:created AS text[]) AS timestamptz[]),
                            CAST(CAST(:orders AS text[]) AS timestamptz[]), CAST(CAST(:assigned AS text[]) AS timestamptz[]), CAST(CAST(:due AS text[]) AS timestamptz[]))
                     AS p(id, stage, created, last_order, assigned, due)
                WHERE c.company_id = :c AND c.id = p.id""")
                .param("ids", id).param("stages", stage).param("created", texts(created)).param("orders", texts(lastOrder))
                .param("assigned", texts(assigned)).param("due", texts(contactDue)).param("c", companyId).update();
        // the one ownership period of each file starts when it was filed or assigned
        jdbc.sql("""
                UPDATE customer_ownership o SET valid_from = coalesce(c.assigned_at, c.created_at)
                FROM customer c WHERE o.company_id = :c AND c.company_id = :c AND c.id = o.customer_id
                  AND o.valid_to IS NULL AND o.customer_id = ANY(CAST(:ids AS bigint[]))""")
                .param("c", companyId).param("ids", id).update();
    }

    /** Past follow-ups in one statement, each with its audit row; reminders for those due today or later. */
    private int followUps(long companyId, List<DemoCustomerPlan.Customer> plan, Map<Integer, Long> ids,
                          Map<String, YewuPrincipal> people, LocalDate today) {
        List<Long> customer = new ArrayList<>();
        List<Long> author = new ArrayList<>();
        List<String> kind = new ArrayList<>();
        List<OffsetDateTime> at = new ArrayList<>();
        List<String> content = new ArrayList<>();
        List<String> next = new ArrayList<>();
        List<LocalDate> nextOn = new ArrayList<>();
        for (DemoCustomerPlan.Customer c : plan) {
            for (DemoCustomerPlan.FollowUp f : c.followUps()) {
                customer.add(ids.get(c.no()));
                author.add(people.get(c.filer()).id());
                kind.add(f.kind());
                at.add(today.minusDays(f.daysAgo()).atTime(f.hour(), f.minute()).atZone(SHANGHAI).toOffsetDateTime());
                content.add(f.content());
                next.add(f.nextStep());
                nextOn.add(f.nextInDays() == null ? null : today.plusDays(f.nextInDays()));
            }
        }
        if (customer.isEmpty()) return 0;
        List<Long> followUpIds = jdbc.sql("""
                INSERT INTO follow_up (company_id, customer_id, author_id, kind, happened_at, content, next_step, next_follow_up_on)
                SELECT :c, f.customer, f.author, f.kind, f.at, f.content, f.next, f.next_on
                FROM unnest(CAST(:customers AS bigint[]), CAST(:authors AS bigint[]), CAST(:kinds AS text[]),
                            CAST(CAST(:ats AS text[]) AS timestamptz[]), CAST(:contents AS text[]), CAST(:nexts AS text[]),
                            CAST(CAST(:nextOns AS text[]) AS date[])) WITH ORDINALITY AS f(customer, author, kind, at, content, next, next_on, n)
                ORDER BY f.n RETURNING id""")
                .param("c", companyId).param("customers", customer.toArray(Long[]::new))
                .param("authors", author.toArray(Long[]::new)).param("kinds", kind.toArray(String[]::new))
                .param("ats", texts(at.toArray())).param("contents", content.toArray(String[]::new))
                .param("nexts", next.toArray(String[]::new)).param("nextOns", texts(nextOn.toArray()))
                .query(Long.class).list();
        jdbc.sql("""
                UPDATE customer c SET last_follow_up_at = f.last,
                       first_contacted_at = CASE WHEN c.assigned_at IS NOT NULL THEN f.first ELSE c.first_contacted_at END
                FROM (SELECT customer_id, max(happened_at) AS last, min(happened_at) AS first FROM follow_up
                      WHERE company_id = :c GROUP BY customer_id) f
                WHERE c.company_id = :c AND c.id = f.customer_id""")
                .param("c", companyId).update();
        Map<Long, Integer> lastOfCustomer = new LinkedHashMap<>();
        for (int i = 0; i < customer.size(); i++) lastOfCustomer.put(customer.get(i), i);
        Map<Long, YewuPrincipal> byId = new LinkedHashMap<>();
        people.values().forEach(p -> byId.put(p.id(), p));
        for (int i = 0; i < customer.size(); i++) {
            int row = i;
            as(byId.get(author.get(i)), () -> {
                audit.record("customer", customer.get(row), "follow-up", Changes.of().created("kind", kind.get(row))
                        .created("nextFollowUpOn", nextOn.get(row)));
                return null;
            });
        }
        // as FollowUps does: one reminder per customer, at 09:00 of the next date, for dates still to come (or today)
        lastOfCustomer.forEach((customerId, row) -> {
            LocalDate due = nextOn.get(row);
            if (due == null || due.isBefore(today)) return;
            dueTasks.schedule(FollowUps.REMINDER, "customer:" + customerId,
                    due.atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toInstant(),
                    Map.of("followUpId", followUpIds.get(row), "customerId", customerId, "userId", author.get(row)));
        });
        return customer.size();
    }

    /**
     * CUS-6 and CUS-7 through the services: sales3 files a customer sales1 already has (an open claim for the
     * manager to see); sales2 files one of sales4's under another name with its phone and disputes it, both state
     * their case, and the dispute waits for the manager; sales4 files a lead still in the pool (a claim on the lead).
     */
    private void claimsAndDisputes(Map<String, YewuPrincipal> people, List<DemoCustomerPlan.Customer> plan, Map<Integer, Long> ids) {
        DemoCustomerPlan.Customer ofSales1 = first(plan, "sales1", DemoCustomerPlan.Kind.ACTIVE);
        DemoCustomerPlan.Customer ofSales4 = first(plan, "sales4", DemoCustomerPlan.Kind.ACTIVE);
        DemoCustomerPlan.Customer pooled = plan.stream().filter(c -> c.kind() == DemoCustomerPlan.Kind.POOL).findFirst().orElse(null);
        if (ofSales1 != null) {
            CustomerInput in = ofSales1.input();
            claim(people.get("sales3"), new CustomerInput(in.name(), null, in.city(), "", in.businessFormat(), null, null, null,
                    in.productCategory(), null, List.of(), List.of(new CustomerInput.Contact("周先生", null, null, "采购"))));
        }
        if (ofSales4 != null) {
            CustomerInput in = ofSales4.input();
            CustomerInput.Contact contact = in.contacts().getFirst();
            YewuPrincipal sales2 = people.get("sales2");
            long claim = claim(sales2, new CustomerInput(in.name().replaceAll("(有限公司|（.*）)$", "") + "新店", null, in.city(), "",
                    in.businessFormat(), null, null, null, in.productCategory(), null, List.of(),
                    List.of(new CustomerInput.Contact(contact.name(), contact.phone(), null, contact.position()))));
            long dispute = as(sales2, () -> disputes.open(sales2, claim,
                    "这家新店是我上个月在展会上谈下来的，老板" + contact.name() + "表示新店的进货由我负责，请经理裁定。"));
            YewuPrincipal sales4 = people.get("sales4");
            as(sales4, () -> {
                disputes.statement(sales4, dispute, "该客户一直由我跟进，新店与总店是同一个老板，同一个联系电话，应归我。");
                return null;
            });
        }
        if (pooled != null) {
            CustomerInput in = pooled.input();
            claim(people.get("sales4"), new CustomerInput(in.name(), null, in.city(), "", null, null, null, null,
                    in.productCategory(), null, List.of(), List.of()));
        }
    }

    private long claim(YewuPrincipal claimant, CustomerInput attempt) {
        try {
            as(claimant, () -> filing.file(claimant, attempt, CustomerFiling.Mode.SALESPERSON_FILES));
        } catch (ProblemException e) {
            Object claimId = e.properties().get("claimId");
            if (claimId instanceof Number n) return n.longValue();
            throw e;
        }
        throw new IllegalStateException("the demo claim matched no file: " + attempt.name());
    }

    /** CUS-15: two requests waiting for the manager, one of them granting credit terms (then finance confirms). */
    private void changeRequests(Map<String, YewuPrincipal> people, List<DemoCustomerPlan.Customer> plan, Map<Integer, Long> ids) {
        DemoCustomerPlan.Customer credit = nth(plan, "sales1", DemoCustomerPlan.Kind.ACTIVE, 1);
        if (credit != null) {
            YewuPrincipal sales1 = people.get("sales1");
            Map<String, Object> terms = new LinkedHashMap<>();
            terms.put("creditTermDays", 30);
            terms.put("creditLimit", new BigDecimal("50000.00"));
            as(sales1, () -> changes.request(sales1, ids.get(credit.no()), new CustomerChanges.ChangeRequest(terms, Map.of(
                    "capitalTurnover", "月销售额约 60 万元，资金周转正常", "paymentHistory", "近一年 14 笔现款订单，无拖欠",
                    "references", "同业两家供应商确认其信用良好"))));
        }
        DemoCustomerPlan.Customer invoice = first(plan, "sales3", DemoCustomerPlan.Kind.FIRST_ORDER);
        if (invoice != null) {
            YewuPrincipal sales3 = people.get("sales3");
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("invoiceTitle", invoice.input().name());
            details.put("bankName", "中国工商银行广州天河支行");
            details.put("bankAccount", "3602000109" + String.format("%09d", invoice.no() * 7919));
            as(sales3, () -> changes.request(sales3, ids.get(invoice.no()), new CustomerChanges.ChangeRequest(details, null)));
        }
    }

    private static DemoCustomerPlan.Customer first(List<DemoCustomerPlan.Customer> plan, String filer, DemoCustomerPlan.Kind kind) {
        return nth(plan, filer, kind, 0);
    }

    private static DemoCustomerPlan.Customer nth(List<DemoCustomerPlan.Customer> plan, String filer, DemoCustomerPlan.Kind kind, int n) {
        return plan.stream().filter(c -> c.filer().equals(filer) && c.kind() == kind).skip(n).findFirst().orElse(null);
    }

    /** Dates and times as ISO text: the driver binds no arrays of java.time values. */
    private static String[] texts(Object[] values) {
        return Arrays.stream(values).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** CUS-10: what each salesperson knows, so the ranking of the pool has a knowledge match to show. */
    private void skills(long companyId, Map<String, YewuPrincipal> people) {
        Map<String, String[]> skills = Map.of("sales1", new String[]{"饮料", "食品"}, "sales2", new String[]{"酒水", "烟草"},
                "sales3", new String[]{"乳制品", "食品"}, "sales4", new String[]{"日化", "饮料"});
        skills.forEach((user, s) -> jdbc.sql("""
                INSERT INTO sales_profile (company_id, user_id, skills) VALUES (:c, :u, :s)
                ON CONFLICT (company_id, user_id) DO UPDATE SET skills = excluded.skills""")
                .param("c", companyId).param("u", people.get(user).id()).param("s", s).update());
    }

    /** The demo users who act in the generation, as their logins would load them. */
    private Map<String, YewuPrincipal> principals(long companyId) {
        Set<String> usernames = new LinkedHashSet<>(DemoCustomerPlan.SALESPEOPLE);
        usernames.addAll(List.of(DemoCustomerPlan.PROMOTER, "manager"));
        Map<String, YewuPrincipal> people = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.department_id, d.path, u.locale,
                       string_agg(r.code, ',' ORDER BY r.code) AS roles,
                       max(CASE r.data_scope WHEN 'ALL' THEN 3 WHEN 'DEPARTMENT' THEN 2 ELSE 1 END) AS scope
                FROM app_user u JOIN department d ON d.id = u.department_id
                JOIN user_role ur ON ur.company_id = u.company_id AND ur.user_id = u.id JOIN role r ON r.id = ur.role_id
                WHERE u.company_id = :c AND u.username IN (:names)
                GROUP BY u.id, d.path""")
                .param("c", companyId).param("names", List.copyOf(usernames))
                .query(rs -> {
                    people.put(rs.getString("username"), new YewuPrincipal(rs.getLong("id"), companyId, rs.getString("username"),
                            rs.getString("display_name"), rs.getLong("department_id"), rs.getString("path"),
                            Set.copyOf(Arrays.asList(rs.getString("roles").split(","))),
                            DataScopeLevel.values()[rs.getInt("scope") - 1], rs.getString("locale")));
                });
        if (!people.keySet().containsAll(usernames)) throw new IllegalStateException("demo users missing: " + usernames);
        return people;
    }

    /** Runs {@code work} as the user, so audit rows and notifications name who did it. */
    <T> T as(YewuPrincipal user, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
