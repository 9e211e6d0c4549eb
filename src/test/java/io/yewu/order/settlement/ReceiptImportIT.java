package io.yewu.order.settlement;

import io.yewu.order.OrderFixture;
import io.yewu.order.OrderFixture.Line;
import io.yewu.support.Api;
import io.yewu.support.Imports;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PLT-10 / RCV-1: receipts imported row by row through the same recording and matching, never over-applied. */
class ReceiptImportIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String HEAD = "客户名称,收款方式,金额,到帐日期,流水号,订单号,余额挂帐\n";

    private OrderFixture fx;
    private long sales1;

    @BeforeEach
    void fixture() {
        fx = new OrderFixture(jdbc);
        sales1 = fx.userId("sales1");
    }

    private long customer() {
        return fx.customer(sales1, Instant.now().minus(400, ChronoUnit.DAYS), true);
    }

    private String name(long customerId) {
        return OrderFixture.sys(() -> jdbc.sql("SELECT name FROM customer WHERE id = :id").param("id", customerId).query(String.class).single());
    }

    private String number(long orderId) {
        return OrderFixture.sys(() -> jdbc.sql("SELECT number FROM sales_order WHERE id = :id").param("id", orderId).query(String.class).single());
    }

    private long receipts(long customerId) {
        return fx.count("SELECT count(*) FROM receipt WHERE customer_id = ?", customerId);
    }

    @Test
    void PLT10_receiptsAreMatchedOldestFirstOrToTheNamedOrderAndTheSameStatementTwiceRecordsNothingTwice() {
        long c = customer();
        long later = fx.order(c, sales1).dueOn(TODAY.minusDays(5)).lines(Line.of("700.00")).insert();
        long oldest = fx.order(c, sales1).dueOn(TODAY.minusDays(40)).lines(Line.of("500.00")).insert();
        long third = fx.order(c, sales1).dueOn(TODAY.minusDays(1)).lines(Line.of("300.00")).insert();
        String serial = "BANK" + System.nanoTime();
        String csv = HEAD
                + name(c) + ",银行," + "600.00," + TODAY + "," + serial + "-1,,\n"                  // oldest first: 500 + 100
                + name(c) + ",现金," + "300," + TODAY + "," + serial + "-2," + number(third) + ",\n"  // the named order
                + name(c) + ",BANK," + "1000.00," + TODAY + "," + serial + "-3,,是\n";              // 600 open, 400 on account
        Api finance = login("finance");
        Api.Response r = Imports.upload(finance, "/api/receipts/import", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).as(r.body()).isEqualTo(3);
        assertThat(fx.paid(oldest)).isEqualByComparingTo("500.00");
        assertThat(fx.paid(third)).isEqualByComparingTo("300.00");
        assertThat(fx.paid(later)).isEqualByComparingTo("700.00");
        BigDecimal onAccount = OrderFixture.sys(() -> jdbc.sql("SELECT sum(amount - matched_amount) FROM receipt WHERE customer_id = :c")
                .param("c", c).query(BigDecimal.class).single());
        assertThat(onAccount).isEqualByComparingTo("400.00");
        assertThat(fx.count("SELECT count(*) FROM decision_record WHERE subject_type = 'receipt' AND kind = 'matching' AND subject_id IN "
                + "(SELECT id::text FROM receipt WHERE customer_id = ?)", c)).isEqualTo(3);

        Api.Response again = Imports.upload(finance, "/api/receipts/import?mode=VALID_ROWS", csv);
        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.body()).contains("已登记过该客户的回款");
        assertThat(receipts(c)).isEqualTo(3);
        assertThat(Xlsx.download(port, finance, "/api/receipts/import/template", "zh-CN").getFirst())
                .containsExactly("客户名称*", "收款方式*", "金额*", "到帐日期*", "流水号*", "订单号", "余额挂帐");
    }

    @Test
    void PLT10_aFileWithTheOldDateHeaderStillImports() {
        long c = customer();
        long order = fx.order(c, sales1).dueOn(TODAY.minusDays(3)).lines(Line.of("250.00")).insert();
        String csv = "客户名称,收款方式,金额,到账日期,流水号,订单号,余额挂帐\n"
                + name(c) + ",银行,250.00," + TODAY + ",OLD" + System.nanoTime() + ",,\n";

        Api.Response r = Imports.upload(login("finance"), "/api/receipts/import", csv);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).as(r.body()).isEqualTo(1);
        assertThat(fx.paid(order)).isEqualByComparingTo("250.00");
        assertThat(receipts(c)).isEqualTo(1);
    }

    @Test
    void PLT10_overApplicationAndBadRowsImportNothingUnlessValidRowsAreChosen() {
        long c = customer();
        long other = customer();
        long order = fx.order(c, sales1).dueOn(TODAY.minusDays(10)).lines(Line.of("500.00")).insert();
        long otherOrder = fx.order(other, sales1).lines(Line.of("100.00")).insert();
        String serial = "ERR" + System.nanoTime();
        String csv = HEAD
                + name(c) + ",银行,200.00," + TODAY + "," + serial + "-1,,\n"                       // row 2: fine
                + name(c) + ",银行,400.00," + TODAY + "," + serial + "-2,,\n"                       // row 3: only 300 left open
                + name(c) + ",支票,10," + TODAY + "," + serial + "-3,,\n"                           // row 4: no such method
                + name(c) + ",银行,0," + TODAY + "," + serial + "-4,,\n"                            // row 5: nothing received
                + name(c) + ",银行,10.001," + TODAY + "," + serial + "-5,,\n"                       // row 6: three decimals
                + name(c) + ",银行,10," + TODAY.plusDays(1) + "," + serial + "-6,,\n"               // row 7: in the future
                + name(c) + ",银行,10," + TODAY + "," + serial + "-1,,\n"                           // row 8: serial repeated
                + name(c) + ",银行,10," + TODAY + "," + serial + "-8," + number(otherOrder) + ",\n"  // row 9: not its order
                + "没有这个客户" + serial + ",银行,10," + TODAY + "," + serial + "-9,,\n";            // row 10: unknown customer
        Api finance = login("cashier");
        // as the screen sends it, with an Idempotency-Key: the request's own transaction must survive undoing the file
        Api.Response all = Imports.upload(finance.header("Idempotency-Key", java.util.UUID.randomUUID().toString()), "/api/receipts/import", csv);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("imported").asInt()).isZero();
        List<Integer> rows = java.util.stream.StreamSupport.stream(all.json().path("errors").spliterator(), false)
                .map(e -> e.path("row").asInt()).toList();
        assertThat(rows).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(all.body()).contains("回款金额超过该客户未付订单合计 300.00 元", "收款方式应为银行或现金", "与文件中前面的行重复",
                "该客户没有订单号为", "客户不存在或不在您的数据范围内");
        assertThat(fx.paid(order)).isEqualByComparingTo("0");
        assertThat(receipts(c)).isZero();

        Api.Response valid = Imports.upload(finance, "/api/receipts/import?mode=VALID_ROWS", csv);
        assertThat(valid.json().path("imported").asInt()).as(valid.body()).isEqualTo(1);
        assertThat(fx.paid(order)).isEqualByComparingTo("200.00");
        assertThat(fx.paid(otherOrder)).isEqualByComparingTo("0");
        assertThat(receipts(c)).isOne();
        assertThat(Imports.upload(login("sales1"), "/api/receipts/import", csv).status()).isEqualTo(403);
    }

    @Test
    void PLT10_eachImportedReceiptCostsBoundedStatementsAndTheChecksRunOncePerFile() {
        Api finance = login("finance");
        int[] counts = new int[3];
        for (int n = 1; n <= 3; n++) {
            StringBuilder csv = new StringBuilder(HEAD);
            for (int i = 0; i < n; i++) {
                long c = customer();
                fx.order(c, sales1).dueOn(TODAY.minusDays(3)).lines(Line.of("100.00")).insert();
                csv.append(name(c)).append(",银行,100.00,").append(TODAY).append(",CNT").append(System.nanoTime()).append(",,\n");
            }
            List<String> statements = Imports.counted(finance, "/api/receipts/import", csv.toString(), n);
            assertThat(statements.stream().filter(s -> s.contains("number = ANY")).count()).as("order look-ups per file").isOne();
            counts[n - 1] = statements.size();
        }
        // the rules run per receipt (a few statements each, more or less as caches are warm), never per row of the file
        assertThat(counts[1] - counts[0]).as("statements for a second receipt").isBetween(5, 60);
        assertThat(counts[2] - counts[1]).as("statements for a third receipt").isBetween(5, 60);
    }
}
