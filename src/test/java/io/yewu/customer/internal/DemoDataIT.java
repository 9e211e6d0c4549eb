package io.yewu.customer.internal;

import io.yewu.support.Api;
import io.yewu.support.DemoCompanyTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company as the first start leaves it: a living book of 300 customers and leads that each role's pages
 * have something in, written exactly as {@link DemoCustomerPlan} plans it (so two starts give the same book) and
 * obeying every rule the API enforces.
 */
class DemoDataIT extends DemoCompanyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final List<DemoCustomerPlan.Customer> plan = DemoCustomerPlan.of(300);

    private record Row(long id, String name, String creditCode, String city, String address, String businessFormat,
                       String customerClass, boolean keyAccount, String productCategory, String notes, String[] tags,
                       String stage, String owner, String source) {}

    private List<Row> rows() {
        return asSystem(() -> jdbc.sql("""
                SELECT c.id, c.name, c.credit_code, c.city, c.address, c.business_format, c.customer_class, c.key_account,
                       c.product_category, c.notes, c.tags, c.stage, u.username AS owner, c.source
                FROM customer c JOIN company co ON co.id = c.company_id AND co.code = 'DEMO'
                LEFT JOIN app_user u ON u.id = c.owner_id ORDER BY c.id""")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                        rs.getString("city"), rs.getString("address"), rs.getString("business_format"),
                        rs.getString("customer_class"), rs.getBoolean("key_account"), rs.getString("product_category"),
                        rs.getString("notes"), (String[]) rs.getArray("tags").getArray(), rs.getString("stage"),
                        rs.getString("owner"), rs.getString("source")))
                .list());
    }

    private static List<JsonNode> items(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        JsonNode list = body.isArray() ? body : body.path("items");
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    @Test
    void theBookIsWrittenAsPlanned_soTwoStartsGiveTheSameBook() {
        List<Row> rows = rows();
        assertThat(rows).hasSize(300);
        Map<String, Row> byName = rows.stream().collect(Collectors.toMap(Row::name, r -> r));
        for (DemoCustomerPlan.Customer c : plan) {
            Row row = byName.get(c.input().name());
            assertThat(row).as(c.input().name()).isNotNull();
            assertThat(row.city()).isEqualTo(Cities.canonical(c.input().city()).orElseThrow());
            assertThat(row.source()).isEqualTo(c.kind().online() ? "ONLINE" : "SELF");
            switch (c.kind()) {
                case POOL -> assertThat(row.owner()).isNull();
                case DISTRIBUTED_TODAY, FIRST_CONTACT_OVERDUE -> assertThat(row.owner()).isIn(DemoCustomerPlan.SALESPEOPLE);
                default -> {
                    assertThat(row.owner()).isEqualTo(c.filer());
                    assertThat(row.stage()).isEqualTo(c.kind().name());
                }
            }
        }
        // the files' ids follow the plan's order, so every start numbers them alike
        assertThat(rows.stream().map(Row::name).toList()).isEqualTo(plan.stream().map(c -> c.input().name()).toList());
    }

    @Test
    void CUS1_CUS6_everyFilePassesTheApisValidationAndOwnsExactlyItsKeys() {
        Map<Long, List<CustomerInput.Contact>> contacts = new HashMap<>();
        asSystem(() -> { jdbc.sql("SELECT customer_id, name, phone, email, position FROM customer_contact ORDER BY id")
                .query(rs -> {
                    contacts.computeIfAbsent(rs.getLong("customer_id"), k -> new ArrayList<>()).add(new CustomerInput.Contact(
                            rs.getString("name"), rs.getString("phone"), rs.getString("email"), rs.getString("position")));
                }); return null; });
        Map<Long, Set<CustomerKeys.Key>> keys = new HashMap<>();
        asSystem(() -> { jdbc.sql("SELECT customer_id, kind, value FROM customer_key").query(rs -> {
            keys.computeIfAbsent(rs.getLong("customer_id"), k -> new HashSet<>())
                    .add(new CustomerKeys.Key(CustomerKeys.Kind.valueOf(rs.getString("kind")), rs.getString("value")));
        }); return null; });
        for (Row r : rows()) {
            CustomerInput in = new CustomerInput(r.name(), r.creditCode(), r.city(), r.address(), r.businessFormat(),
                    r.customerClass(), r.keyAccount(), null, r.productCategory(), r.notes(), Arrays.asList(r.tags()),
                    contacts.getOrDefault(r.id(), List.of()));
            assertThat(CustomerValidation.validate(in)).as(r.name()).isEmpty();
            assertThat(keys.get(r.id())).as(r.name())
                    .isEqualTo(new HashSet<>(CustomerKeys.of(in.name(), in.creditCode(), in.phones(), in.emails())));
        }
    }

    @Test
    void CUS4_CUS8_everyOwnedFileHasOneOpenOwnershipPeriodOfItsOwner_withItsDecision() {
        List<Map<String, Object>> wrong = asSystem(() -> jdbc.sql("""
                SELECT c.id FROM customer c
                WHERE c.owner_id IS NOT NULL AND (SELECT count(*) FROM customer_ownership o WHERE o.customer_id = c.id
                    AND o.valid_to IS NULL AND o.owner_id = c.owner_id AND o.decision IS NOT NULL
                    AND o.valid_from <= now()) <> 1
                UNION ALL
                SELECT c.id FROM customer c WHERE c.owner_id IS NULL
                  AND EXISTS (SELECT 1 FROM customer_ownership o WHERE o.customer_id = c.id AND o.valid_to IS NULL)""")
                .query().listOfRows());
        assertThat(wrong).isEmpty();
        long decided = asSystem(() -> jdbc.sql("""
                SELECT count(DISTINCT subject_id) FROM decision_record WHERE subject_type = 'customer'""").query(Long.class).single());
        assertThat(decided).isEqualTo(300);
        long audited = asSystem(() -> jdbc.sql("""
                SELECT count(DISTINCT entity_id) FROM audit_log WHERE entity_type = 'customer' AND action IN ('file', 'enter-lead')""")
                .query(Long.class).single());
        assertThat(audited).isEqualTo(300);
    }

    @Test
    void CUS3_everyStageHasCustomers_andSomeBecameIntentionCustomersToday() {
        Map<String, Long> stages = new HashMap<>();
        rows().forEach(r -> stages.merge(r.stage(), 1L, Long::sum));
        assertThat(stages).containsKeys("LEAD", "INTENTION", "FIRST_ORDER", "ACTIVE", "DORMANT", "CLOSED");
        Map<DemoCustomerPlan.Kind, Long> planned = plan.stream().collect(Collectors.groupingBy(DemoCustomerPlan.Customer::kind, Collectors.counting()));
        for (var k : List.of(DemoCustomerPlan.Kind.FIRST_ORDER, DemoCustomerPlan.Kind.ACTIVE, DemoCustomerPlan.Kind.DORMANT, DemoCustomerPlan.Kind.CLOSED)) {
            assertThat(stages.get(k.name())).as(k.name()).isEqualTo(planned.get(k));
        }
        long today = asSystem(() -> jdbc.sql("SELECT count(*) FROM customer WHERE intention_on = :d")
                .param("d", LocalDate.now(SHANGHAI)).query(Long.class).single());
        assertThat(today).isPositive();
        // dormant files are those without an order for the dormant period, as the nightly job would find them
        long misplaced = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM customer WHERE (stage IN ('FIRST_ORDER', 'ACTIVE') AND last_order_at < now() - interval '180 days')
                   OR (stage = 'DORMANT' AND last_order_at >= now() - interval '180 days')""").query(Long.class).single());
        assertThat(misplaced).isZero();
    }

    @Test
    void CUS5_CUS10_CUS12_theManagerHasLeadsToDistributeAndLateFirstContactsToChase() {
        Api manager = login("manager");
        Api.Response pool = manager.get("/api/leads/pool?size=50");
        assertThat(pool.json().path("total").asLong()).isEqualTo(15);
        assertThat(items(pool).getFirst().path("ranking").toString()).contains("CUS-10");
        assertThat(items(pool)).anyMatch(e -> e.path("claims").size() > 0); // sales4 tried to file a pooled lead
        List<JsonNode> overdue = items(manager.get("/api/leads/overdue"));
        assertThat(overdue).hasSize((int) plan.stream().filter(c -> c.kind() == DemoCustomerPlan.Kind.FIRST_CONTACT_OVERDUE).count());
    }

    @Test
    void CUS13_everySalespersonHasFollowUpsDueToday_andTheTeamHasOverdueOnes() {
        LocalDate today = LocalDate.now(SHANGHAI);
        int dueToday = 0;
        int overdue = 0;
        for (String s : DemoCustomerPlan.SALESPEOPLE) {
            List<JsonNode> due = items(login(s).get("/api/follow-ups/due?size=200"));
            for (JsonNode d : due) {
                LocalDate on = LocalDate.parse(d.path("nextFollowUpOn").asString());
                if (on.equals(today)) dueToday++;
                else if (on.isBefore(today)) overdue++;
            }
        }
        long plannedToday = plan.stream().filter(c -> !c.followUps().isEmpty())
                .filter(c -> Integer.valueOf(0).equals(c.followUps().getLast().nextInDays())).count();
        long plannedOverdue = plan.stream().filter(c -> !c.followUps().isEmpty())
                .filter(c -> c.followUps().getLast().nextInDays() != null && c.followUps().getLast().nextInDays() < 0).count();
        assertThat(dueToday).isEqualTo(plannedToday).isPositive();
        assertThat(overdue).isEqualTo(plannedOverdue).isPositive();
        long reminders = asSystem(() -> jdbc.sql("SELECT count(*) FROM due_task WHERE kind = :k")
                .param("k", FollowUps.REMINDER).query(Long.class).single());
        assertThat(reminders).isPositive();
        long followUps = asSystem(() -> jdbc.sql("SELECT count(*) FROM follow_up").query(Long.class).single());
        long audited = asSystem(() -> jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'customer' AND action = 'follow-up'")
                .query(Long.class).single());
        assertThat(audited).isEqualTo(followUps).isEqualTo(plan.stream().mapToLong(c -> c.followUps().size()).sum());
    }

    @Test
    void CUS6_CUS7_CUS15_theManagerHasAClaimADisputeAndChangeRequestsToDecide() {
        Api manager = login("manager");
        List<JsonNode> disputes = items(manager.get("/api/disputes?status=OPEN"));
        assertThat(disputes).hasSize(1);
        assertThat(disputes.getFirst().path("statements").size()).isEqualTo(2);
        List<JsonNode> claims = items(manager.get("/api/claims?box=department&size=50"));
        assertThat(claims.stream().map(c -> c.path("status").asString())).contains("OPEN", "DISPUTED");
        Api.Response approvals = manager.get("/api/approvals?box=pending&size=20");
        // the two change requests of the book (the order demo adds a special price and a credit order: decision 0025)
        assertThat(items(approvals).stream().filter(a -> a.path("subjectType").asString().equals("customer-change")).count())
                .as(approvals.body()).isEqualTo(2);
        assertThat(items(login("sales2").get("/api/disputes?status=OPEN"))).hasSize(1);
        assertThat(items(login("sales4").get("/api/disputes?status=OPEN"))).hasSize(1);
        assertThat(manager.get("/api/notifications?size=50").body()).contains("customer.claim");
    }

    @Test
    void CUS14_eachSalespersonHasRoutesAndThisWeeksVisits() {
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate lastMonday = today.minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (String s : DemoCustomerPlan.SALESPEOPLE) {
            Api sales = login(s);
            assertThat(sales.get("/api/routes").json().path("total").asLong()).as(s).isEqualTo(2);
            Api.Response visits = sales.get("/api/visits?from=" + lastMonday + "&to=" + today + "&size=200");
            assertThat(visits.json().path("total").asLong()).as(s).isPositive();
            for (JsonNode v : items(visits)) {
                assertThat(v.path("checkInAt").isNull()).isFalse();
                assertThat(v.path("checkOutAt").isNull()).isFalse();
                assertThat(java.time.OffsetDateTime.parse(v.path("checkOutAt").asString()).toInstant()).isBefore(java.time.Instant.now());
            }
            JsonNode plan = sales.get("/api/visits/plan").json();
            if (plan.path("workingDay").asBoolean() && today.getDayOfWeek().getValue() <= 5) {
                assertThat(plan.path("items").size()).as(s + " plan today").isPositive();
            }
        }
        JsonNode completion = login("manager").get("/api/visits/completion?week=" + VisitWeek.of(lastMonday)).json();
        assertThat(completion.path("people").size()).isEqualTo(4);
        assertThat(completion.path("people").findValues("planned").stream().mapToInt(JsonNode::asInt).sum()).isPositive();
    }

    @Test
    void theSalespeoplesListsAndTheHomePageHaveWorkInThem() {
        for (String s : DemoCustomerPlan.SALESPEOPLE) {
            assertThat(login(s).get("/api/customers?size=5").json().path("total").asLong()).as(s).isGreaterThan(30);
        }
        assertThat(login("gm").get("/api/customers?size=5").json().path("total").asLong()).isEqualTo(300);
    }

    /** ISO week text as the completion report takes it. */
    private static final class VisitWeek {
        static String of(LocalDate monday) {
            return monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                    + String.format("%02d", monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }
}
