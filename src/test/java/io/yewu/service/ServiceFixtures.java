package io.yewu.service;

import io.yewu.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Shared steps of the service desk's integration tests. */
final class ServiceFixtures {

    static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    private ServiceFixtures() {}

    static long demoCompany(JdbcClient jdbc) {
        return io.yewu.platform.security.CompanyContext.callAsSystem(() ->
                jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
    }

    static long userId(JdbcClient jdbc, String username) {
        return io.yewu.platform.security.CompanyContext.callAsSystem(() ->
                jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    /** A customer owned by sales1, with a contact phone; returns its id. */
    static long customer(JdbcClient jdbc, String name, String phone, boolean keyAccount) {
        return io.yewu.platform.security.CompanyContext.callAsSystem(() -> {
            long company = demoCompany(jdbc);
            long owner = userId(jdbc, "sales1");
            long id = jdbc.sql("""
                    INSERT INTO customer (company_id, name, city, source, stage, owner_id, key_account, credit_term_days, credit_limit)
                    VALUES (:c, :n, '杭州', 'SELF', 'ACTIVE', :o, :k, 30, 50000) RETURNING id""")
                    .param("c", company).param("n", name).param("o", owner).param("k", keyAccount).query(Long.class).single();
            jdbc.sql("INSERT INTO customer_contact (company_id, customer_id, name, phone) VALUES (:c, :id, '王老板', :p)")
                    .param("c", company).param("id", id).param("p", phone).update();
            jdbc.sql("INSERT INTO customer_key (company_id, kind, value, customer_id) VALUES (:c, 'PHONE', :p, :id)")
                    .param("c", company).param("p", phone).param("id", id).update();
            return id;
        });
    }

    /** A phone question from a customer with a promised reply time {@code promiseIn} from now. */
    static Map<String, Object> promised(long customerId, String type, java.time.Duration promiseIn) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "PHONE", "type", type, "requesterKind", "CUSTOMER",
                "customerId", customerId, "subject", "到货延迟", "description", "订单迟迟未到",
                "promisedAt", OffsetDateTime.now(SH).plus(promiseIn).toString()));
        if ("COMPLAINT".equals(type)) body.put("severity", "HIGH");
        return body;
    }

    static Map<String, Object> complaintResolution() {
        return Map.of("resolution", "已补发并致歉", "rootCause", "DELIVERY", "causeAnalysis", "仓库漏发",
                "correctiveAction", "出库复核");
    }

    static long created(Api.Response r) {
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }
}
