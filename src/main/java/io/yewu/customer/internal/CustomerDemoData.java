package io.yewu.customer.internal;

import io.yewu.customer.internal.visit.VisitDemoData;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.demo.DemoCompanyCreated;
import io.yewu.platform.demo.DemoUsers;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The demo company's customer side, written once when the platform has created 演示公司 ({@link DemoCompanyCreated}):
 * the book of {@link DemoCustomerPlan} placed around today (Beijing time). The book itself (files, keys, contacts,
 * ownership periods, decisions, audit rows, past follow-ups) is written set-based, checked by the same validation and
 * keyed by the same normalisation as {@link CustomerFiling}, so a few hundred files take a handful of statements; the
 * distribution, claims, the dispute, the change requests (with their approval chains) and the routes go through the
 * services the API uses, acting as the demo users. All in one transaction: a failure
 * leaves the company without customers and the application starts anyway. {@code yewu.demo-data.customers=0} turns it
 * off (the integration tests do, to start from an empty book).
 */
@Component
class CustomerDemoData {

    /** A customer id that prints as itself: several audit rows of one customer in one map. */
    private record CustomerRef(long id) {
        @Override
        public String toString() {
            return String.valueOf(id);
        }
    }

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
    private final DecisionRecords decisions;
    private final JsonMapper json;
    private final Settings settings;
    private final Clock clock;
    private final DemoUsers users;
    private final int size;

    CustomerDemoData(JdbcClient jdbc, TransactionTemplate tx, CustomerFiling filing, LeadDistribution distribution,
                     Disputes disputes, CustomerChanges changes, VisitDemoData visits, DueTasks dueTasks, AuditTrail audit,
                     DecisionRecords decisions, JsonMapper json, Settings settings, Clock clock, DemoUsers users, @Value("${yewu.demo-data.customers:300}") int size) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.filing = filing;
        this.distribution = distribution;
        this.disputes = disputes;
        this.changes = changes;
        this.visits = visits;
        this.dueTasks = dueTasks;
        this.audit = audit;
        this.decisions = decisions;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.users = users;
        this.size = size;
    }

    /** Before the capabilities whose demo data build on the book (the catalogue's quotes at 200, the orders at 300). */
    @EventListener
    @org.springframework.core.annotation.Order(100)
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
        Map<Integer, Long> ids = fileAll(companyId, plan, people, now, today);
        YewuPrincipal manager = people.get("manager");
        List<LeadDistribution.Assignment> toAssign = plan.stream()
                .filter(c -> c.kind() == DemoCustomerPlan.Kind.DISTRIBUTED_TODAY || c.kind() == DemoCustomerPlan.Kind.FIRST_CONTACT_OVERDUE)
                .map(c -> new LeadDistribution.Assignment(ids.get(c.no()), null)).toList();
        if (!toAssign.isEmpty()) as(manager, () -> distribution.distribute(manager, toAssign));

        backdateAssignments(companyId, plan, ids, now, today);
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

    /**
     * Files the whole book as {@link CustomerFiling} files one customer — the same validation, normalised keys,
     * contacts, first ownership period with its decision, decision record and audit row — but set-based, each file
     * already standing where the plan places it in time (filed weeks ago, last order months ago). The unique keys
     * still decide: a planned duplicate would fail the generation, never make a second file.
     */
    private Map<Integer, Long> fileAll(long companyId, List<DemoCustomerPlan.Customer> plan, Map<String, YewuPrincipal> people,
                                       Instant now, LocalDate today) {
        int n = plan.size();
        String[] name = new String[n], code = new String[n], city = new String[n], address = new String[n],
                format = new String[n], cls = new String[n], source = new String[n], stage = new String[n],
                category = new String[n], notes = new String[n], tags = new String[n], created = new String[n],
                intentionOn = new String[n], lastOrder = new String[n];
        Boolean[] keyAccount = new Boolean[n];
        Long[] owner = new Long[n], department = new Long[n], by = new Long[n];
        for (int i = 0; i < n; i++) {
            DemoCustomerPlan.Customer c = plan.get(i);
            CustomerInput in = c.input();
            var problems = CustomerValidation.validate(in);
            if (!problems.isEmpty()) throw new IllegalStateException("demo file " + in.name() + " is invalid: " + problems);
            YewuPrincipal filer = people.get(c.filer());
            boolean lead = c.kind().online();
            name[i] = in.name().strip();
            code[i] = CustomerValidation.blank(in.creditCode()) ? null : CustomerKeys.creditCode(in.creditCode()).orElseThrow();
            city[i] = Cities.canonical(in.city()).orElseThrow();
            address[i] = text(in.address());
            format[i] = text(in.businessFormat());
            cls[i] = text(in.customerClass());
            keyAccount[i] = Boolean.TRUE.equals(in.keyAccount());
            source[i] = lead ? "ONLINE" : "SELF";
            stage[i] = lead ? "LEAD" : c.kind().name();
            owner[i] = lead ? null : filer.id();
            department[i] = filer.departmentId();
            category[i] = text(in.productCategory());
            notes[i] = text(in.notes());
            tags[i] = String.join("|", in.tags().stream().map(String::strip).toList());
            OffsetDateTime at = c.createdDaysAgo() == 0 ? now.atOffset(ZoneOffset.UTC)
                    : today.minusDays(c.createdDaysAgo()).atTime(LocalTime.of(9, 0).plusMinutes(7L * (c.no() % 60)))
                    .atZone(SHANGHAI).toOffsetDateTime();
            created[i] = at.toString();
            intentionOn[i] = lead ? null : at.atZoneSameInstant(SHANGHAI).toLocalDate().toString();
            lastOrder[i] = c.lastOrderDaysAgo() == null ? null
                    : today.minusDays(c.lastOrderDaysAgo()).atTime(14, 30).atZone(SHANGHAI).toOffsetDateTime().toString();
            by[i] = filer.id();
        }
        Map<String, Long> idByName = new java.util.HashMap<>();
        jdbc.sql("""
                INSERT INTO customer (company_id, name, credit_code, city, address, business_format, customer_class,
                    key_account, source, stage, owner_id, department_id, product_category, notes, tags, intention_on,
                    last_order_at, created_by, created_at)
                SELECT :c, f.name, f.code, f.city, f.address, f.format, f.cls, f.ka, f.source, f.stage, f.owner, f.dept,
                       f.category, f.notes, CASE f.tags WHEN '' THEN '{}' ELSE string_to_array(f.tags, '|') END,
                       CAST(f.intention AS date), CAST(f.last_order AS timestamptz), f.by, CAST(f.created AS timestamptz)
                FROM unnest(CAST(:names AS text[]), CAST(:codes AS text[]), CAST(:cities AS text[]), CAST(:addresses AS text[]),
                            CAST(:formats AS text[]), CAST(:classes AS text[]), CAST(:kas AS boolean[]), CAST(:sources AS text[]),
                            CAST(:stages AS text[]), CAST(:owners AS bigint[]), CAST(:depts AS bigint[]),
                            CAST(:categories AS text[]), CAST(:notes AS text[]), CAST(:tags AS text[]),
                            CAST(:intentions AS text[]), CAST(:orders AS text[]), CAST(:bys AS bigint[]), CAST(:created AS text[]))
                     WITH ORDINALITY AS f(name, code, city, address, format, cls, ka, source, stage, owner, dept, category,
                                          notes, tags, intention, last_order, by, created, n)
                ORDER BY f.n
                RETURNING id, name""")
                .param("c", companyId).param("names", name).param("codes", code).param("cities", city)
                .param("addresses", address).param("formats", format).param("classes", cls).param("kas", keyAccount)
                .param("sources", source).param("stages", stage).param("owners", owner).param("depts", department)
                .param("categories", category).param("notes", notes).param("tags", tags).param("intentions", intentionOn)
                .param("orders", lastOrder).param("bys", by).param("created", created)
                .query(rs -> { idByName.put(rs.getString("name"), rs.getLong("id")); });
        Map<Integer, Long> ids = new LinkedHashMap<>();
        plan.forEach(c -> ids.put(c.no(), idByName.get(c.input().name().strip())));

        List<Long> keyCustomer = new ArrayList<>();
        List<String> keyKind = new ArrayList<>();
        List<String> keyValue = new ArrayList<>();
        List<Long> contactCustomer = new ArrayList<>();
        List<String> contactName = new ArrayList<>(), contactPhone = new ArrayList<>(), contactEmail = new ArrayList<>(),
                contactPosition = new ArrayList<>();
        for (DemoCustomerPlan.Customer c : plan) {
            CustomerInput in = c.input();
            long id = ids.get(c.no());
            for (CustomerKeys.Key key : CustomerKeys.of(in.name(), in.creditCode(), in.phones(), in.emails())) {
                keyCustomer.add(id);
                keyKind.add(key.kind().name());
                keyValue.add(key.value());
            }
            for (CustomerInput.Contact contact : in.contacts()) {
                contactCustomer.add(id);
                contactName.add(contact.name().strip());
                contactPhone.add(CustomerValidation.blank(contact.phone()) ? "" : CustomerKeys.phone(contact.phone()).orElseThrow());
                contactEmail.add(CustomerValidation.blank(contact.email()) ? "" : CustomerKeys.email(contact.email()).orElseThrow());
                contactPosition.add(text(contact.position()));
            }
        }
        jdbc.sql("""
                INSERT INTO customer_key (company_id, kind, value, customer_id)
                SELECT :c, k.kind, k.value, k.customer FROM unnest(CAST(:kinds AS text[]), CAST(:vals AS text[]),
                    CAST(:customers AS bigint[])) AS k(kind, value, customer)""")
                .param("c", companyId).param("kinds", keyKind.toArray(String[]::new))
                .param("vals", keyValue.toArray(String[]::new)).param("customers", keyCustomer.toArray(Long[]::new)).update();
        jdbc.sql("""
                INSERT INTO customer_contact (company_id, customer_id, name, phone, email, position)
                SELECT :c, k.customer, k.name, k.phone, k.email, k.position
                FROM unnest(CAST(:customers AS bigint[]), CAST(:names AS text[]), CAST(:phones AS text[]),
                            CAST(:emails AS text[]), CAST(:positions AS text[])) WITH ORDINALITY AS k(customer, name, phone, email, position, n)
                ORDER BY k.n""")
                .param("c", companyId).param("customers", contactCustomer.toArray(Long[]::new))
                .param("names", contactName.toArray(String[]::new)).param("phones", contactPhone.toArray(String[]::new))
                .param("emails", contactEmail.toArray(String[]::new)).param("positions", contactPosition.toArray(String[]::new))
                .update();

        // CUS-4: the filer owns a self-found customer from the moment it was filed; leads wait in the pool (CUS-5)
        Map<String, Object> filed = new LinkedHashMap<>();
        Map<String, Object> entered = new LinkedHashMap<>();
        List<Long> ownedIds = new ArrayList<>(), ownerIds = new ArrayList<>();
        List<String> from = new ArrayList<>(), ownershipDecisions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DemoCustomerPlan.Customer c = plan.get(i);
            CustomerInput in = c.input();
            long id = ids.get(c.no());
            var keys = CustomerKeys.of(in.name(), in.creditCode(), in.phones(), in.emails());
            var decision = filing.filedDecision(people.get(c.filer()), owner[i] == null, keys, now, source[i]);
            if (owner[i] == null) {
                entered.put(String.valueOf(id), decision);
            } else {
                filed.put(String.valueOf(id), decision);
                ownedIds.add(id);
                ownerIds.add(owner[i]);
                from.add(created[i]);
                ownershipDecisions.add(json.writeValueAsString(decision));
            }
        }
        jdbc.sql("""
                INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason, decision, recorded_by)
                SELECT :c, o.customer, o.owner, CAST(o.at AS timestamptz), 'FILED', CAST(o.decision AS jsonb), o.owner
                FROM unnest(CAST(:customers AS bigint[]), CAST(:owners AS bigint[]), CAST(:ats AS text[]),
                            CAST(:decisions AS text[])) AS o(customer, owner, at, decision)""")
                .param("c", companyId).param("customers", ownedIds.toArray(Long[]::new)).param("owners", ownerIds.toArray(Long[]::new))
                .param("ats", from.toArray(String[]::new)).param("decisions", ownershipDecisions.toArray(String[]::new)).update();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, io.yewu.platform.decision.Decision<?>> filedDecisions = (Map) filed;
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, io.yewu.platform.decision.Decision<?>> enteredDecisions = (Map) entered;
        decisions.recordAll("customer", "ownership", filedDecisions);
        decisions.recordAll("customer", "lead-entry", enteredDecisions);
        for (String username : people.keySet()) {
            YewuPrincipal filer = people.get(username);
            Map<Long, Changes> files = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                if (!plan.get(i).filer().equals(username)) continue;
                files.put(ids.get(plan.get(i).no()), Changes.of().created("name", name[i])
                        .created("city", plan.get(i).input().city().strip()).created("source", source[i]));
            }
            String action = username.equals(DemoCustomerPlan.PROMOTER) ? "enter-lead" : "file";
            as(filer, () -> {
                audit.recordAll("customer", action, files);
                return null;
            });
        }
        return ids;
    }

    /** The leads distributed "ten days ago": assignment, first-contact deadline and ownership period moved back. */
    private void backdateAssignments(long companyId, List<DemoCustomerPlan.Customer> plan, Map<Integer, Long> ids, Instant now,
                                     LocalDate today) {
        long contactDays = settings.snapshotAt(now).get(CustomerSettings.FIRST_CONTACT_DAYS);
        for (DemoCustomerPlan.Customer c : plan) {
            if (c.kind() != DemoCustomerPlan.Kind.FIRST_CONTACT_OVERDUE) continue;
            OffsetDateTime assigned = today.minusDays(c.createdDaysAgo() - 2L).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
            jdbc.sql("""
                    UPDATE customer SET assigned_at = :at, first_contact_due = :due,
                           intention_on = CASE WHEN intention_on IS NULL THEN NULL ELSE CAST(:day AS date) END
                    WHERE company_id = :c AND id = :id""")
                    .param("at", assigned).param("due", assigned.plusDays(contactDays)).param("day", assigned.toLocalDate().toString())
                    .param("c", companyId).param("id", ids.get(c.no())).update();
            jdbc.sql("UPDATE customer_ownership SET valid_from = :at WHERE company_id = :c AND customer_id = :id AND valid_to IS NULL")
                    .param("at", assigned).param("c", companyId).param("id", ids.get(c.no())).update();
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
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
        for (YewuPrincipal p : people.values()) {
            // by identity: one customer's several follow-ups each keep their own row
            Map<Object, Changes> rows = new IdentityHashMap<>();
            for (int i = 0; i < customer.size(); i++) {
                if (author.get(i) != p.id()) continue;
                rows.put(new CustomerRef(customer.get(i)), Changes.of().created("kind", kind.get(i))
                        .created("nextFollowUpOn", nextOn.get(i)));
            }
            if (rows.isEmpty()) continue;
            as(p, () -> {
                audit.recordAll("customer", "follow-up", rows);
                return null;
            });
        }
        // as FollowUps does: each follow-up its own reminder, at 09:00 of its next date, for dates still to come (or today)
        for (int row = 0; row < customer.size(); row++) {
            LocalDate due = nextOn.get(row);
            if (due == null || due.isBefore(today)) continue;
            dueTasks.schedule(FollowUps.REMINDER, FollowUps.key(followUpIds.get(row)),
                    due.atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toInstant(),
                    Map.of("followUpId", followUpIds.get(row), "customerId", customer.get(row), "userId", author.get(row)));
        }
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
        return users.load(companyId, usernames);
    }

    /** Runs {@code work} as the user, so audit rows and notifications name who did it. */
    <T> T as(YewuPrincipal user, Supplier<T> work) {
        return DemoUsers.as(user, work);
    }
}
