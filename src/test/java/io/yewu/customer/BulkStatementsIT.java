package io.yewu.customer;

import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.StatementCounter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: bulk actions cost the same number of SQL statements for 5 rows as for 50 (no statement per lead, row,
 * customer or stop). Each action runs twice, small and large, with its statements counted on the request's thread.
 */
class BulkStatementsIT extends IntegrationTest {

    /** A company of its own (a business manager and two salespeople), so the demo company's teams stay as tests expect. */
    private static String manager;
    private static long company;
    private static long department;

    private synchronized void company() {
        if (manager != null) return;
        String name = userOfNewCompany("BULK", RoleCode.BUSINESS_MANAGER, "批量经理");
        asSystem(() -> {
            company = jdbc.sql("SELECT company_id FROM app_user WHERE username = :u").param("u", name).query(Long.class).single();
            department = jdbc.sql("SELECT department_id FROM app_user WHERE username = :u").param("u", name).query(Long.class).single();
            return null;
        });
        for (int i = 1; i <= 2; i++) addUser(company, name + "s" + i, RoleCode.SALESPERSON, "批量业务员" + i, department);
        manager = name;
    }

    private Api manager() {
        company();
        return login(manager);
    }

    private long salesperson(String prefix, String displayName) {
        company();
        String username = prefix + System.nanoTime() % 1_000_000;
        addUser(company, username, RoleCode.SALESPERSON, displayName, department);
        return asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    private String username(long userId) {
        return asSystem(() -> jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId).query(String.class).single());
    }

    /** n pooled leads in the company's department. */
    private List<Long> pooledLeads(int n) {
        company();
        String prefix = unique("批量线索");
        return asSystem(() -> jdbc.sql("""
                INSERT INTO customer (company_id, name, city, source, stage, department_id, product_category, created_by)
                SELECT :c, :p || g, '广州', 'ONLINE', 'LEAD', :d, '饮料', (SELECT id FROM app_user WHERE username = :m)
                FROM generate_series(1, :n) g RETURNING id""")
                .param("c", company).param("p", prefix).param("d", department).param("m", manager).param("n", n)
                .query(Long.class).list());
    }

    private static List<String> counted(Api api, String method, String path, Object body, int status) {
        String tag = UUID.randomUUID().toString();
        Api.Response r = api.header(StatementCounter.HEADER, tag).send(method, path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return StatementCounter.statements(tag);
    }

    /** Equal counts, the session's bookkeeping and the nodes' cache fills aside (they depend on timing, not N). */
    private static void sameCount(List<String> small, List<String> large) {
        assertThat(small).isNotEmpty();
        assertThat(work(large)).as("statements for the larger batch (N+1?)").hasSameSizeAs(work(small));
    }

    private static List<String> work(List<String> statements) {
        return StatementCounter.work(statements).stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Test
    void distributingLeadsWritesDecisionsAuditAndNotificationsSetBased() {
        Api manager = manager();
        List<String> small = counted(manager, "POST", "/api/leads/distribute",
                Map.of("assignments", pooledLeads(5).stream().map(id -> Map.of("leadId", id)).toList()), 200);
        List<String> large = counted(manager, "POST", "/api/leads/distribute",
                Map.of("assignments", pooledLeads(50).stream().map(id -> Map.of("leadId", id)).toList()), 200);
        sameCount(small, large);
        assertThat(String.join("\n", large)).contains("decision_record", "audit_log", "notification", "customer_ownership");
    }

    @Test
    void thePoolPageReadsClaimsForTheWholePage() {
        pooledLeads(50);
        Api manager = manager();
        sameCount(counted(manager, "GET", "/api/leads/pool?size=5", null, 200),
                counted(manager, "GET", "/api/leads/pool?size=50", null, 200));
    }

    private String csv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("客户名称,城市,联系人,电话,邮箱\n");
        for (int i = 0; i < rows; i++) csv.append(prefix).append(i).append(",广州,王经理,").append(mobile()).append(",\n");
        return csv.toString();
    }

    private List<String> importAs(Api user, String prefix, int rows) {
        String tag = UUID.randomUUID().toString();
        Api.Response r = user.header(StatementCounter.HEADER, tag).upload("/api/customers/import?mode=ALL_OR_NOTHING", "file",
                "customers.csv", csv(prefix, rows).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).isEqualTo(rows);
        return StatementCounter.statements(tag);
    }

    @Test
    void importValidationChecksExistingFilesSetBased() {
        Api seller = login(username(salesperson("importer", "导入员")));
        sameCount(importAs(seller, unique("导入小"), 5), importAs(seller, unique("导入大"), 60));
    }

    @Test
    void transferringALeaversBookIsSetBased() {
        Api manager = manager();
        List<List<String>> runs = new ArrayList<>();
        for (int n : new int[]{5, 50}) {
            long fromId = salesperson("leaver", "离职" + n);
            long toId = salesperson("heir", "接手" + n);
            importAs(login(username(fromId)), unique("离职客户"), n);
            runs.add(counted(manager, "POST", "/api/customers/transfer",
                    Map.of("fromUserId", fromId, "toUserId", toId, "reason", "离职交接"), 200));
            long moved = asSystem(() -> jdbc.sql("SELECT count(*) FROM customer_ownership WHERE owner_id = :u AND reason = 'TRANSFER' AND valid_to IS NULL")
                    .param("u", toId).query(Long.class).single());
            assertThat(moved).isEqualTo(n);
        }
        sameCount(runs.get(0), runs.get(1));
    }

    @Test
    void routesAndPlanCompletionCostTheSameForMoreStopsAndPeople() {
        Api manager = manager();
        List<List<String>> creates = new ArrayList<>();
        List<List<String>> completions = new ArrayList<>();
        for (int n : new int[]{2, 20}) {
            completions.add(counted(manager, "GET", "/api/visits/completion", null, 200));
            for (int person = 0; person < 3; person++) {
                Api seller = login(username(salesperson("router", "线路" + n + "-" + person)));
                String prefix = unique("线路客户");
                importAs(seller, prefix, n);
                List<Long> ids = asSystem(() -> jdbc.sql("SELECT id FROM customer WHERE name LIKE :p ORDER BY id")
                        .param("p", prefix + "%").query(Long.class).list());
                List<Map<String, Object>> stops = ids.stream().<Map<String, Object>>map(id -> Map.of("customerId", id,
                        "frequency", "WEEKLY", "weekdays", List.of(1, 2, 3, 4, 5, 6, 7), "everyWeeks", 1)).toList();
                List<String> created = counted(seller, "POST", "/api/routes", Map.of("name", "线路" + n, "stops", stops), 201);
                if (person == 0) creates.add(created);
            }
        }
        completions.add(counted(manager, "GET", "/api/visits/completion", null, 200));
        sameCount(creates.get(0), creates.get(1));
        // after three people with 2-stop routes, and after three more with 20 stops (before them, the department may
        // have no one with a route at all, and the read stops after the first statement)
        sameCount(completions.get(1), completions.get(2));
    }
}
