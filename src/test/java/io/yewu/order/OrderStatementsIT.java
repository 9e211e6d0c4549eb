package io.yewu.order;

import io.yewu.support.Api;
import io.yewu.support.StatementCounter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 "Speed": submitting an order costs a fixed number of SQL statements, whatever its number of lines (no
 * statement per line, per decision or per rule), and takes no lock that every other submission waits for.
 */
class OrderStatementsIT extends OrderFixtures {

    private List<String> submit(Api api, long customer, int lines) {
        List<Map<String, Object>> l = new ArrayList<>(Collections.nCopies(lines, lineOf(new java.math.BigDecimal("1500.00").divide(java.math.BigDecimal.valueOf(lines)).setScale(2).toPlainString())));
        String tag = UUID.randomUUID().toString();
        Api.Response r = api.header(StatementCounter.HEADER, tag).post("/api/orders", Map.of("customerId", customer, "lines", l, "submit", true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("order").path("state").asString()).isEqualTo("RELEASED");
        return StatementCounter.work(StatementCounter.statements(tag));
    }


    @Test
    void ORD1_aSubmissionCostsTheSameStatementsForOneLineAsForTen() {
        catalogue();
        Api sales1 = login("sales1");
        submit(sales1, customer("sales1", "广州市", null, null), 1); // warms the caches (settings, catalogue)
        List<String> one = submit(sales1, customer("sales1", "广州市", null, null), 1);
        List<String> ten = submit(sales1, customer("sales1", "广州市", null, null), 10);
        assertThat(ten).as("statements for ten lines (one per line?)").hasSameSizeAs(one);
        // 50 before issue 10's speed work: one look-up, one insert and one settings read per line, one row per decision
        // 26 before the order was decided before it is stored, written once in its decided state and read back by
        // the statements that write it, its lines and its decisions, the customer's standing and exposure read
        // together with the customer, the products with their prices, the audit entries stored in one statement, the
        // calendar kept in memory until it changes (2026-11-30)
        assertThat(one).as("statements of one submission: %s", one).hasSizeLessThanOrEqualTo(8);
        assertThat(one).as("the day's counter is taken on the numbering pool, not in the submission's transaction")
                .noneMatch(sql -> sql.contains("document_number"));
    }

    @Test
    void PRC9_aQuoteLiveCheckCostsTheSameStatementsForOneLineAsForTen() {
        catalogue();
        Api sales1 = login("sales1");
        long customer = customer("sales1", "广州市", null, null);
        check(sales1, customer, 1); // warms the caches
        assertThat(check(sales1, customer, 10)).as("statements for ten lines (one per line?)").hasSameSizeAs(check(sales1, customer, 1));
    }

    private List<String> check(Api api, long customer, int lines) {
        String tag = UUID.randomUUID().toString();
        Api.Response r = api.header(StatementCounter.HEADER, tag).post("/api/quotes/check",
                Map.of("customerId", customer, "lines", Collections.nCopies(lines, lineOf("150.00"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("lines")).hasSize(lines);
        return StatementCounter.work(StatementCounter.statements(tag));
    }
}
