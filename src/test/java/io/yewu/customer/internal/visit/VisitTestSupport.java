package io.yewu.customer.internal.visit;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customers and routes for the visit tests; the demo company has no customers of its own. */
abstract class VisitTestSupport extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    long userId(String username) {
        return asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username)
                .query(Long.class).single());
    }

    /** An intention customer in 广州 owned by {@code owner}. */
    long customer(String owner, String name) {
        return customer(owner, name, "INTENTION", "广州");
    }

    long customer(String owner, String name, String stage, String city) {
        return asSystem(() -> jdbc.sql("""
                INSERT INTO customer (company_id, name, city, address, source, stage, owner_id)
                SELECT company_id, :name, :city, '天河路 1 号', 'SELF', :stage, id FROM app_user WHERE username = :owner
                RETURNING id""")
                .param("name", name + " " + UUID.randomUUID().toString().substring(0, 8)).param("city", city)
                .param("stage", stage).param("owner", owner).query(Long.class).single());
    }

    /** A stop visited every day of the week since 2026-01-01, so it is due on any working day. */
    static Map<String, Object> everyDay(long customerId) {
        return Map.of("customerId", customerId, "frequency", "WEEKLY", "weekdays", List.of(1, 2, 3, 4, 5, 6, 7),
                "startsOn", "2026-01-01");
    }

    static Map<String, Object> route(String name, List<Map<String, Object>> stops) {
        return Map.of("name", name + " " + UUID.randomUUID().toString().substring(0, 6), "stops", stops);
    }

    static long id(Api.Response r) {
        return r.json().path("id").asLong();
    }

    static List<Long> longs(JsonNode array, String field) {
        List<Long> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asLong()));
        return values;
    }

    static long visitId(Api.Response r) {
        return r.json().path("visit").path("id").asLong();
    }
}
