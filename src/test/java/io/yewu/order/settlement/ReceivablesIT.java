package io.yewu.order.settlement;

import io.yewu.order.OrderFixture;
import io.yewu.order.OrderFixture.Line;
import io.yewu.platform.internal.scheduling.CompanyJobs;
import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static io.yewu.order.settlement.SettlementTest.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/** RCV-3 receivables aging per salesperson and customer, and the reminders at the due date and weekly while overdue. */
class ReceivablesIT extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.now(SHANGHAI);

    @Autowired
    CompanyJobs jobs;

    private OrderFixture fx;

    @BeforeEach
    void fixture() {
        fx = new OrderFixture(jdbc);
    }

    private long salesperson(String name) {
        long dept = fx.sys(() -> jdbc.sql("SELECT department_id FROM app_user WHERE username = 'sales1'").query(Long.class).single());
        return addUser(fx.companyId, "aging" + System.nanoTime() % 10_000_000, RoleCode.SALESPERSON, name, dept);
    }

    private String username(long userId) {
        return fx.sys(() -> jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId).query(String.class).single());
    }

    @Test
    @DisplayName("RCV-3: aging buckets at their boundaries (0 not due; 1 and 30; 31 and 60; 61 and 90; 91), per salesperson (own scope) and customer")
    void RCV3_agingBuckets() {
        long mine = salesperson("赵帐龄");
        long customer = fx.customer(mine, Instant.now().minus(400, ChronoUnit.DAYS), true);
        int[] overdue = {0, 1, 30, 31, 60, 61, 90, 91};
        for (int d : overdue) fx.order(customer, mine).dueOn(TODAY.minusDays(d)).lines(Line.of("100.00")).insert();
        fx.order(customer, mine).state("AWAITING_PAYMENT").mode("PAY_BEFORE_SHIPMENT").lines(Line.of("0.50")).insert();
        fx.order(customer, mine).state("CANCELLED").dueOn(TODAY.minusDays(200)).lines(Line.of("999.00")).insert();
        fx.order(customer, mine).state("DRAFT").dueOn(TODAY.minusDays(200)).lines(Line.of("999.00")).insert();
        // a receipt pays part of the oldest (91 days): 40.00 of 100.00 stays open
        login("finance").post("/api/receipts", receipt(customer, "60.00", TODAY));
        // someone else's receivable the salesperson must not see
        long other = fx.customer(fx.userId("sales2"), Instant.now().minus(400, ChronoUnit.DAYS), true);
        fx.order(other, fx.userId("sales2")).dueOn(TODAY.minusDays(100)).lines(Line.of("5000.00")).insert();

        Api me = login(username(mine));
        JsonNode aging = me.get("/api/receivables/aging").json();
        JsonNode b = aging.path("total").path("buckets");
        assertThat(b.path("NOT_DUE").decimalValue()).isEqualByComparingTo("100.50");
        assertThat(b.path("DAYS_1_30").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(b.path("DAYS_31_60").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(b.path("DAYS_61_90").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(b.path("OVER_90").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(aging.path("total").path("total").decimalValue()).isEqualByComparingTo("740.50");
        assertThat(aging.path("salespeople")).hasSize(1);
        assertThat(aging.path("salespeople").get(0).path("salespersonName").asString()).isEqualTo("赵帐龄");
        assertThat(aging.path("decision").path("hits").get(0).path("ruleId").asString()).isEqualTo("RCV-3");

        JsonNode customers = me.get("/api/receivables/customers").json();
        assertThat(customers.path("items")).hasSize(1);
        assertThat(customers.path("items").get(0).path("total").decimalValue()).isEqualByComparingTo("740.50");
        JsonNode orders = me.get("/api/receivables/orders?customerId=" + customer).json();
        assertThat(orders.path("items")).hasSize(9);
        assertThat(orders.path("items").get(0).path("bucket").asString()).isEqualTo("OVER_90");
        assertThat(orders.path("items").get(0).path("open").decimalValue()).isEqualByComparingTo("40.00");
        // finance sees the whole company, the other salesperson's too
        JsonNode company = login("finance").get("/api/receivables/customers?ownerId=" + fx.userId("sales2") + "&size=200").json();
        assertThat(company.path("items").findValuesAsString("customerId")).contains(String.valueOf(other));
        assertThat(login("sales2").get("/api/receivables/orders?customerId=" + customer).json().path("items")).isEmpty();
        assertThat(login("agent1").get("/api/receivables/aging").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("RCV-3: the owner is reminded on the due date and every 7 days while overdue, once per period even when the job runs again")
    void RCV3_remindersOncePerPeriod() {
        long mine = salesperson("钱提醒");
        long customer = fx.customer(mine, Instant.now().minus(400, ChronoUnit.DAYS), true);
        long dueToday = fx.order(customer, mine).dueOn(TODAY).lines(Line.of("100.00")).insert();
        long week = fx.order(customer, mine).dueOn(TODAY.minusDays(7)).lines(Line.of("100.00")).insert();
        long between = fx.order(customer, mine).dueOn(TODAY.minusDays(9)).lines(Line.of("100.00")).insert();
        fx.order(customer, mine).dueOn(TODAY.plusDays(1)).lines(Line.of("100.00")).insert();
        Instant now = Instant.now();
        jobs.run(new CompanyJobs.Run("settlement.receivable-reminders", fx.companyId, now));
        jobs.run(new CompanyJobs.Run("settlement.receivable-reminders", fx.companyId, now.plusSeconds(60)));
        long notices = fx.count("SELECT count(*) FROM notification WHERE user_id = ? AND kind = 'receivable.reminder'", mine);
        // the one 9 days overdue was reminded for its period starting 2 days ago (catch-up), once
        assertThat(notices).isEqualTo(3);
        assertThat(fx.count("SELECT count(*) FROM receivable_reminder WHERE order_id = ? AND period_start = ?", dueToday, TODAY)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM receivable_reminder WHERE order_id = ? AND period_start = ?", week, TODAY)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM receivable_reminder WHERE order_id = ? AND period_start = ?", between,
                TODAY.minusDays(2))).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM decision_record WHERE subject_type = 'sales-order' AND kind = 'receivable-reminder'"
                + " AND subject_id = ?", String.valueOf(week))).isEqualTo(1);
        // a week later it is reminded again
        jobs.run(new CompanyJobs.Run("settlement.receivable-reminders", fx.companyId, now.plus(7, ChronoUnit.DAYS)));
        assertThat(fx.count("SELECT count(*) FROM notification WHERE user_id = ? AND kind = 'receivable.reminder'", mine)).isEqualTo(7);
    }
}
