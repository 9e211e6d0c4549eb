package io.yewu.order;

import io.yewu.support.Api;
import io.yewu.support.Imports;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLT-10 / ORD-1: orders imported from a spreadsheet go through the same entry and submission as typed ones — every
 * decision stored, approvals started — and a customer outside the importer's data scope is a row error.
 */
class OrderImportIT extends OrderFixtures {

    private static final String HEAD = "导入单号,客户名称,产品编码,数量,单价,款到发货,备注\n";

    private String code(long productId) {
        return asSystem(() -> jdbc.sql("SELECT code FROM product WHERE id = :id").param("id", productId).query(String.class).single());
    }

    private String name(long customerId) {
        return asSystem(() -> jdbc.sql("SELECT name FROM customer WHERE id = :id").param("id", customerId).query(String.class).single());
    }

    private List<Long> ordersOf(long customerId) {
        return asSystem(() -> jdbc.sql("SELECT id FROM sales_order WHERE customer_id = :id ORDER BY id").param("id", customerId)
                .query(Long.class).list());
    }

    private List<String> decisionKinds(long orderId) {
        return asSystem(() -> jdbc.sql("SELECT DISTINCT kind FROM decision_record WHERE subject_type = 'sales-order' AND subject_id = :id")
                .param("id", String.valueOf(orderId)).query(String.class).list());
    }

    @Test
    void PLT10_eachReferenceBecomesOneOrderThroughTheSameSubmissionWithEveryDecisionStored() {
        catalogue();
        String code = code(standard);
        long prepaid = customer("sales1", "广州", null, null);
        long credit = customer("sales1", "广州", 30, "100000.00");
        makeExisting(credit);
        String ref = unique("IMP");
        String csv = HEAD
                + ref + "A," + name(prepaid) + "," + code + ",2,100.00,是,第一单\n"
                + ref + "A," + name(prepaid) + "," + code + ",1,120.00,,\n"
                + ref + "B," + name(credit) + "," + code + ",250,100.00,,赊销\n";
        Api sales1 = login("sales1");
        Api.Response r = Imports.upload(sales1, "/api/orders/import", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).as(r.body()).isEqualTo(3);
        assertThat(r.json().path("errors").size()).isZero();

        long a = ordersOf(prepaid).getFirst();
        var detail = sales1.get("/api/orders/" + a).json();
        assertThat(detail.toString()).contains("PAY_BEFORE_SHIPMENT", "AWAITING_PAYMENT", "第一单", "320.00");
        assertThat(decisionKinds(a)).contains("payment-mode", "deposit", "credit-approval", "credit-hold", "release");
        // the credit order of 25,000.00 waits for the business manager's approval (ORD-5a), as one typed on screen would
        long b = ordersOf(credit).stream().filter(id -> decisionKinds(id).contains("approval-chain")).findFirst().orElseThrow();
        var credited = sales1.get("/api/orders/" + b).json();
        assertThat(credited.toString()).contains("CREDIT", "AWAITING_APPROVAL", "25000.00");
        assertThat(asSystem(() -> jdbc.sql("SELECT import_ref FROM sales_order WHERE id = :id").param("id", b).query(String.class).single()))
                .isEqualTo(ref + "B");

        // the same file again: no second order, each row says which order it already is
        Api.Response again = Imports.upload(sales1, "/api/orders/import?mode=VALID_ROWS", csv);
        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.body()).contains("该导入单号已导入为订单 SO");
        assertThat(ordersOf(prepaid)).hasSize(1);
        assertThat(Xlsx.download(port, sales1, "/api/orders/import/template", "zh-CN").getFirst())
                .startsWith("导入单号*", "客户名称*", "产品编码*", "数量*", "单价*");
    }

    @Test
    void PLT10_rowErrorsAndACustomerOutsideTheImportersScopeImportNothingUnlessValidRowsAreChosen() {
        catalogue();
        String code = code(standard);
        long mine = customer("sales1", "广州", null, null);
        long floor = customer("sales1", "广州", null, null);
        long theirs = customer("sales2", "广州", null, null);
        String ref = unique("ERR");
        String csv = HEAD
                + ref + "1," + name(mine) + "," + code + ",1,100.00,,\n"       // row 2: fine
                + ref + "2," + name(theirs) + "," + code + ",1,100.00,,\n"     // row 3: sales2's customer
                + ref + "3," + name(floor) + "," + code + ",1,100.00,,\n"      // row 4: fine line of an order…
                + ref + "3," + name(floor) + "," + code + ",0,100.00,,\n"      // row 5: …whose other line has no quantity
                + ref + "4," + name(floor) + ",NO-SUCH,1,100.00,,\n"           // row 6: unknown product
                + ref + "5," + name(floor) + "," + code + ",1,89.00,,\n"       // row 7: below the floor (PRC-7)
                + ref + "6," + name(floor) + "," + code + ",1,100.00,也许,\n";  // row 8: not yes or no
        Api sales1 = login("sales1");
        Api.Response all = Imports.upload(sales1, "/api/orders/import?mode=ALL_OR_NOTHING", csv);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("imported").asInt()).isZero();
        List<Integer> rows = java.util.stream.StreamSupport.stream(all.json().path("errors").spliterator(), false)
                .map(e -> e.path("row").asInt()).toList();
        assertThat(rows).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(all.body()).contains("客户不存在或不在您的数据范围内：" + name(theirs), "整张订单未导入", "未知产品编码：NO-SUCH",
                "PRC-7", "应填写“是”或“否”");
        assertThat(ordersOf(mine)).isEmpty();
        assertThat(ordersOf(floor)).isEmpty();
        assertThat(ordersOf(theirs)).isEmpty();

        Api.Response valid = Imports.upload(sales1, "/api/orders/import?mode=VALID_ROWS", csv);
        assertThat(valid.json().path("imported").asInt()).as(valid.body()).isEqualTo(1);
        assertThat(ordersOf(mine)).hasSize(1);
        assertThat(ordersOf(floor)).isEmpty();
        assertThat(ordersOf(theirs)).isEmpty();
        // the business manager sees the team's customers: sales2's customer is in scope for them
        Api.Response manager = Imports.upload(login("manager"), "/api/orders/import", HEAD + ref + "M," + name(theirs) + "," + code + ",1,100.00,,\n");
        assertThat(manager.json().path("imported").asInt()).as(manager.body()).isEqualTo(1);
        assertThat(ordersOf(theirs)).hasSize(1);
        assertThat(Imports.upload(login("finance"), "/api/orders/import", csv).status()).isEqualTo(403);
    }

    @Test
    void PLT10_eachImportedOrderCostsTheSameBoundedStatementsAndTheChecksRunOncePerFile() {
        catalogue();
        String code = code(standard);
        Api sales1 = login("sales1");
        int[] counts = new int[3];
        for (int n = 1; n <= 3; n++) {
            StringBuilder csv = new StringBuilder(HEAD);
            String ref = unique("CNT");
            for (int i = 0; i < n; i++) {
                long c = customer("sales1", "广州", null, null);
                csv.append(ref).append(i).append(',').append(name(c)).append(',').append(code).append(",1,100.00,,\n");
            }
            List<String> statements = Imports.counted(sales1, "/api/orders/import", csv.toString(), n);
            assertThat(statements.stream().filter(s -> s.contains("code = ANY")).count()).as("product look-ups per file").isOne();
            counts[n - 1] = statements.size();
        }
        // the rules run per order (a few statements each, more or less as caches are warm; 4 since an order's
        // decisions and audit entries are written by its lines' statement, decision 0049), never per row of the file
        assertThat(counts[1] - counts[0]).as("statements for a second order").isBetween(3, 80);
        assertThat(counts[2] - counts[1]).as("statements for a third order").isBetween(3, 80);
    }
}
