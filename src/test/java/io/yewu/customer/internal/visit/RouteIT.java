package io.yewu.customer.internal.visit;

import io.yewu.support.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CUS-14 routes and the day's plan, over HTTP, with data scope (PLT-5) and bad input. */
class RouteIT extends VisitTestSupport {

    @Test
    void CUS14_salespersonKeepsAnOrderedRouteWithOptimisticLocking() {
        Api sales1 = login("sales1");
        long a = customer("sales1", "甲烟酒店");
        long b = customer("sales1", "乙便利店");
        Api.Response created = sales1.post("/api/routes", route("天河线", List.of(
                Map.of("customerId", a, "frequency", "WEEKLY", "weekdays", List.of(1, 4), "everyWeeks", 2),
                Map.of("customerId", b, "frequency", "MONTHLY", "monthDay", 31))));
        assertThat(created.status()).isEqualTo(201);
        long route = id(created);
        assertThat(created.json().path("stops")).hasSize(2);
        assertThat(created.json().path("stops").get(0).path("weekdays").toString()).isEqualTo("[1,4]");
        assertThat(created.json().path("stops").get(1).path("monthDay").asInt()).isEqualTo(31);

        Api.Response reordered = sales1.put("/api/routes/" + route + "/order", Map.of("version", 0, "customerIds", List.of(b, a)));
        assertThat(reordered.status()).isEqualTo(200);
        assertThat(reordered.json().path("stops").get(0).path("customerId").asLong()).isEqualTo(b);
        assertThat(reordered.json().path("version").asLong()).isEqualTo(1);

        Api.Response stale = sales1.put("/api/routes/" + route, Map.of("name", "新名字", "version", 0, "stops", List.of()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("version-conflict");

        Api.Response renamed = sales1.put("/api/routes/" + route, Map.of("name", "新名字 " + route, "version", 1,
                "stops", List.of(everyDay(a))));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("stops")).hasSize(1);

        assertThat(sales1.get("/api/routes").json().path("items").toString()).contains("新名字 " + route);
        assertThat(sales1.delete("/api/routes/" + route + "?version=1").status()).isEqualTo(409);
        assertThat(sales1.delete("/api/routes/" + route + "?version=2").status()).isEqualTo(204);
        assertThat(sales1.get("/api/routes/" + route).status()).isEqualTo(404);
    }

    @Test
    void CUS14_routesHoldOnlyCustomersInScopeAndValidFrequencies() {
        Api sales1 = login("sales1");
        long mine = customer("sales1", "本人客户");
        long others = customer("sales2", "他人客户");
        Api.Response r = sales1.post("/api/routes", route("线路", List.of(everyDay(mine), everyDay(others), everyDay(mine),
                Map.of("customerId", mine, "frequency", "WEEKLY", "weekdays", List.of(8)),
                Map.of("customerId", mine, "frequency", "MONTHLY"))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").toString())
                .contains("stops[1].customerId", "stops[2].customerId", "stops[3].weekdays", "stops[4].monthDay")
                .contains("同一客户在线路中出现了两次");
        assertThat(sales1.language("en").post("/api/routes", route("x", List.of(Map.of("customerId", mine, "frequency", "WEEKLY"))))
                .json().path("errors").toString()).contains("stops[0].weekdays");
        assertThat(sales1.post("/api/routes", route("x", List.of(Map.of("customerId", mine, "frequency", "DAILY")))).status())
                .as("an unknown enum name is a field error").isEqualTo(422);
        assertThat(sales1.post("/api/routes", Map.of("name", "", "stops", List.of())).status()).isEqualTo(422);
        assertThat(sales1.post("/api/routes", "{not json").status()).isEqualTo(400);
    }

    @Test
    void CUS14_anotherSalespersonSees404AndTheManagerReadsButDoesNotChange() {
        long route = id(login("sales1").post("/api/routes", route("私人线路", List.of(everyDay(customer("sales1", "丙店"))))));
        Api sales2 = login("sales2");
        assertThat(sales2.get("/api/routes/" + route).status()).isEqualTo(404);
        assertThat(sales2.put("/api/routes/" + route, Map.of("name", "x", "version", 0, "stops", List.of())).status()).isEqualTo(404);
        assertThat(sales2.delete("/api/routes/" + route + "?version=0").status()).isEqualTo(404);
        assertThat(sales2.get("/api/routes").json().path("items").toString()).doesNotContain("私人线路");

        Api manager = login("manager");
        assertThat(manager.get("/api/routes/" + route).status()).isEqualTo(200);
        Api.Response change = manager.put("/api/routes/" + route + "/order", Map.of("version", 0, "customerIds", List.of()));
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.code()).as("a manager reads routes; only their visitor plans them (@Allow)").isEqualTo("forbidden");
    }

    @Test
    void CUS14_dayPlanComesFromRoutesSkipsHolidaysAndClosedCustomers() {
        Api sales3 = login("sales3");
        long open = customer("sales3", "丁店");
        long closed = customer("sales3", "已关闭店", "CLOSED", "广州");
        long monthly = customer("sales3", "月访店");
        long route = id(sales3.post("/api/routes", route("计划线", List.of(everyDay(open), everyDay(closed),
                Map.of("customerId", monthly, "frequency", "MONTHLY", "monthDay", 26, "startsOn", "2026-01-01")))));

        Api.Response thursday = sales3.get("/api/visits/plan?date=2026-11-26");
        assertThat(thursday.status()).isEqualTo(200);
        assertThat(thursday.json().path("workingDay").asBoolean()).isTrue();
        assertThat(longs(thursday.json().path("items"), "customerId")).containsExactly(open, monthly);
        assertThat(thursday.json().path("items").get(0).path("routeId").asLong()).isEqualTo(route);
        assertThat(thursday.json().path("items").get(0).path("status").asString()).isEqualTo("PLANNED");

        // 2026-10-01 is National Day (PLT-4); 2026-10-10 a Saturday made a workday
        Api.Response holiday = sales3.get("/api/visits/plan?date=2026-10-01");
        assertThat(holiday.json().path("workingDay").asBoolean()).isFalse();
        assertThat(holiday.json().path("items")).isEmpty();
        assertThat(sales3.get("/api/visits/plan?date=2026-10-10").json().path("items")).hasSize(1);

        assertThat(login("sales4").get("/api/visits/plan?date=2026-11-26").json().path("items").toString()).doesNotContain("丁店");
        assertThat(sales3.get("/api/visits/plan?date=26.11.2026").status()).isEqualTo(400);
    }
}
