package io.yewu.order.settlement;

import io.yewu.order.OrderFixture;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup the receipt and commission tests share: the SQL order fixture, salespeople sales1 and sales2, today in
 * Shanghai, and receipts recorded over HTTP.
 */
abstract class SettlementTest extends IntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.now(SHANGHAI);

    OrderFixture fx;
    long sales1;
    long sales2;

    @BeforeEach
    void settlementFixture() {
        fx = new OrderFixture(jdbc);
        sales1 = fx.userId("sales1");
        sales2 = fx.userId("sales2");
    }

    /** A bank receipt's body for {@code customerId}, with any further members given as name, value, … */
    static Map<String, Object> receipt(long customerId, String amount, LocalDate on, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customerId, "method", "BANK", "amount", new BigDecimal(amount),
                "receivedOn", on.toString(), "reference", "银行流水" + System.nanoTime() % 100000));
        for (int i = 0; i < more.length; i += 2) body.put((String) more[i], more[i + 1]);
        return body;
    }

    /** Records a receipt as {@code finance} (201) and returns its id. */
    long record(Api finance, long customer, String amount, LocalDate on) {
        Api.Response r = finance.post("/api/receipts", receipt(customer, amount, on));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("receipt").path("id").asLong();
    }
}
