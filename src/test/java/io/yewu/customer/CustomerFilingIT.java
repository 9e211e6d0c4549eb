package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Filing customers under the first-filer rule (CUS-1, CUS-4, CUS-6, CUS-16). */
class CustomerFilingIT extends IntegrationTest {

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    static String mobile() {
        return "139" + String.format("%08d", SEQ.incrementAndGet() % 100_000_000);
    }

    static Map<String, Object> customer(String name, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("city", "广州市");
        body.put("address", "天河路 1 号");
        body.put("contacts", List.of(Map.of("name", "王经理", "phone", phone, "position", "采购")));
        return body;
    }

    private long count(String sql, Object... args) {
        return asSystem(() -> {
            var q = jdbc.sql(sql);
            for (int i = 0; i < args.length; i++) q = q.param(i + 1, args[i]);
            return q.query(Long.class).single();
        });
    }

    @Test
    void CUS4_theFilerOwnsASelfFoundCustomerWithItsDecision() {
        Api sales1 = login("sales1");
        Api.Response r = sales1.post("/api/customers", customer(unique("华南贸易"), mobile()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("ownerName").asString()).isEqualTo("张伟");
        assertThat(r.json().path("stage").asString()).isEqualTo("INTENTION");
        assertThat(r.json().path("source").asString()).isEqualTo("SELF");
        assertThat(r.json().path("city").asString()).isEqualTo("广州");
        long id = r.json().path("id").asLong();
        var detail = sales1.get("/api/customers/" + id).json();
        assertThat(detail.path("ownership").get(0).path("reason").asString()).isEqualTo("FILED");
        assertThat(detail.path("decisions").toString()).contains("CUS-4", "CUS-6");
    }

    /**
     * Decision 0048: a filing answers from the rows it wrote, not from a read after them; the answer must be the file
     * exactly as its detail then shows it to the same reader — a salesperson's file with a parent, two contacts,
     * tags and notes, and a promoter's lead in the pool.
     */
    @Test
    void CUS4_theAnswerToAFilingIsTheFileAsItsDetailShowsIt() {
        Api sales1 = login("sales1");
        long parent = sales1.post("/api/customers", customer(unique("总部商贸"), mobile())).json().path("id").asLong();
        Map<String, Object> body = customer(unique("分店商贸"), mobile());
        body.put("parentId", parent);
        body.put("contacts", List.of(Map.of("name", "王经理", "phone", mobile(), "position", "采购"),
                Map.of("name", "李会计", "phone", mobile(), "email", "li" + System.nanoTime() + "@example.com")));
        body.put("tags", List.of("重点", "连锁"));
        body.put("notes", "周三上午拜访");
        body.put("businessFormat", "超市");
        Api.Response filed = sales1.post("/api/customers", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().path("parentName").asString()).startsWith("总部商贸");
        assertThat(filed.json().path("contacts")).hasSize(2);
        assertThat(filed.json()).isEqualTo(sales1.get("/api/customers/" + filed.json().path("id").asLong()).json().path("customer"));

        Api promoter = login("promoter");
        Api.Response lead = promoter.post("/api/leads", customer(unique("网络线索"), mobile()));
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        assertThat(lead.json().path("stage").asString()).isEqualTo("LEAD");
        assertThat(lead.json()).isEqualTo(promoter.get("/api/customers/" + lead.json().path("id").asLong()).json().path("customer"));
    }

    @Test
    void CUS6_aSecondFilerLearnsTheOwnerButNotTheContactsAndTheAttemptBecomesAClaim() {
        String name = unique("粤北五金");
        String phone = mobile();
        login("sales1").post("/api/customers", customer(name, phone));
        Api sales3 = login("sales3");
        Api.Response r = sales3.post("/api/customers", customer(" " + name.replace("五金", "五 金") + " ", mobile()));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("customer-exists");
        assertThat(r.json().path("ownerName").asString()).isEqualTo("张伟");
        assertThat(r.json().path("matchedOn").asString()).isEqualTo("NAME");
        assertThat(r.json().path("claimId").asLong()).isPositive();
        assertThat(r.body()).doesNotContain(phone).doesNotContain("天河路");
        assertThat(count("SELECT count(*) FROM customer WHERE name = ?", name)).isOne();
        var claims = sales3.get("/api/claims").json().path("items");
        assertThat(claims.toString()).contains(name, "张伟");
        // matching by phone alone works too, and the duplicate check shows the owner but no contacts
        Api.Response byPhone = sales3.post("/api/customers", customer(unique("另一个名字"), phone));
        assertThat(byPhone.status()).isEqualTo(409);
        assertThat(byPhone.json().path("matchedOn").asString()).isEqualTo("PHONE");
        var check = sales3.get("/api/customers/duplicates?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                + "&phone=" + phone).json();
        assertThat(check.path("matches").get(0).path("ownerName").asString()).isEqualTo("张伟");
        assertThat(check.toString()).doesNotContain(phone);
    }

    @Test
    void CUS6_filingYourOwnCustomerAgainSaysSoWithoutAClaim() {
        String name = unique("自家客户");
        Api sales1 = login("sales1");
        sales1.post("/api/customers", customer(name, mobile()));
        Api.Response again = sales1.post("/api/customers", customer(name, mobile()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("customer-yours");
    }

    @Test
    void CUS6_twoSalespeopleFilingTheSameNewCustomerAtOnceEndWithOneOwnerAndOneClaim() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = unique("并发客户");
            Api a = login("sales1");
            Api b = login("sales2");
            CountDownLatch start = new CountDownLatch(1);
            try (var pool = Executors.newFixedThreadPool(2)) {
                List<Future<Api.Response>> results = new ArrayList<>();
                for (Api client : List.of(a, b)) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return client.post("/api/customers", customer(name, mobile()));
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (var f : results) statuses.add(f.get().status());
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            }
            assertThat(count("SELECT count(*) FROM customer WHERE name = ?", name)).isOne();
            assertThat(count("SELECT count(*) FROM customer_claim cl JOIN customer c ON c.id = cl.customer_id WHERE c.name = ?", name)).isOne();
            assertThat(count("SELECT count(*) FROM customer_ownership o JOIN customer c ON c.id = o.customer_id WHERE c.name = ?", name)).isOne();
        }
    }

    /**
     * The losing side of a race decided by the keys themselves (decision 0049): the look-up found nothing because the
     * other filer had not committed yet, the filing's key insert waited on theirs and found the key taken. The rows
     * that follow a file in its one statement (contacts, decision, ownership period, audit entry) are written only
     * when every key was the file's, so nothing of the losing file is left (contacts and periods would go with the file;
     * its decision and audit entry would not); the attempt becomes a claim.
     */
    @Test
    void CUS6_aFilingThatLosesAKeyToAFilerCommittingAMomentEarlierLeavesNothingButTheClaim() throws Exception {
        String name = unique("抢先客户");
        String phone = mobile();
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        long sales2 = asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = 'sales2'").query(Long.class).single());
        java.time.OffsetDateTime before = asSystem(() -> jdbc.sql("SELECT now()").query(java.time.OffsetDateTime.class).single());
        Api sales1 = login("sales1");
        try (Connection other = owner.getConnection(); Statement st = other.createStatement();
             var pool = Executors.newSingleThreadExecutor()) {
            other.setAutoCommit(false);
            // another salesperson's file holding the same mobile, not committed yet
            st.execute("""
                    WITH made AS (INSERT INTO customer (company_id, name, city, source, stage, owner_id)
                        VALUES (%d, '%s', '广州市', 'SELF', 'INTENTION', %d) RETURNING id)
                    INSERT INTO customer_key (company_id, kind, value, customer_id) SELECT %d, 'PHONE', '%s', id FROM made"""
                    .formatted(company, unique("先到客户"), sales2, company,
                            io.yewu.customer.internal.CustomerKeys.phone(phone).orElseThrow()));
            Future<Api.Response> filing = pool.submit(() -> sales1.post("/api/customers", customer(name, phone)));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO customer_key%'") == 0) {
                assertThat(System.nanoTime()).as("the filing waits on the uncommitted key").isLessThan(deadline);
                assertThat(filing.isDone()).as("the filing must wait on the key, not finish").isFalse();
                Thread.sleep(20);
            }
            other.commit();
            Api.Response r = filing.get();
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.code()).isEqualTo("customer-exists");
        }
        assertThat(count("SELECT count(*) FROM customer WHERE name = ?", name)).isZero();
        assertThat(count("SELECT count(*) FROM customer_claim WHERE attempted_name = ?", name)).isOne();
        assertThat(count("SELECT count(*) FROM audit_log WHERE entity_type = 'customer' AND changes -> 'name' ->> 'new' = ?", name)).isZero();
        assertThat(count("""
                SELECT count(*) FROM decision_record d WHERE d.company_id = ? AND d.subject_type = 'customer' AND d.decided_at >= ?
                AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = CAST(d.subject_id AS bigint))""", company, before)).isZero();
    }

    @Test
    void CUS1_badInputGetsFieldErrorsInBothLanguagesAndSavesNothing() {
        String name = unique("坏数据");
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "名".repeat(101));
        bad.put("city", "火星");
        bad.put("creditCode", "91350100M000100Y44");
        bad.put("contacts", List.of(Map.of("name", "李", "phone", "12345", "email", "not-mail")));
        Api.Response zh = login("sales1").post("/api/customers", bad);
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.body()).contains("\"field\":\"name\"", "\"field\":\"city\"", "\"field\":\"creditCode\"",
                "\"field\":\"contacts[0].phone\"", "\"field\":\"contacts[0].email\"", "未知城市：火星");
        Api.Response en = login("sales1").language("en").post("/api/customers", bad);
        assertThat(en.body()).contains("Unknown city: 火星", "Invalid unified social credit code");
        bad.put("name", name);
        login("sales1").post("/api/customers", bad);
        assertThat(count("SELECT count(*) FROM customer WHERE name = ?", name)).isZero();
        Api.Response malformed = login("sales1").post("/api/customers", "{\"name\": [1,2]");
        assertThat(malformed.status()).as("a list for a text field is that field's error").isEqualTo(422);
        assertThat(malformed.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(login("sales1").post("/api/customers", "{\"name\": ").status()).isEqualTo(400);
    }

    @Test
    void CUS6_aDuplicateCreditCodeIsTheSameCustomer() {
        Map<String, Object> first = customer(unique("信用代码一"), mobile());
        first.put("creditCode", "91350100M000100Y43".toLowerCase());
        Api.Response ok = login("sales2").post("/api/customers", first);
        if (ok.status() == 409) {
            assertThat(ok.json().path("matchedOn").asString()).isEqualTo("CREDIT_CODE"); // filed by an earlier test run
        } else {
            assertThat(ok.status()).isEqualTo(201);
        }
        Map<String, Object> second = customer(unique("信用代码二"), mobile());
        second.put("creditCode", "9135 0100 M000 100Y43");
        Api.Response dup = login("sales4").post("/api/customers", second);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("matchedOn").asString()).isEqualTo("CREDIT_CODE");
    }

    @Test
    void CUS1_nameSearchFindsTwoCharacterFragmentsAndPhones() {
        String name = unique("粤海恒达五金");
        String phone = mobile();
        Api sales1 = login("sales1");
        sales1.post("/api/customers", customer(name, phone));
        for (String q : List.of("恒达", "海恒达五", name, "达五")) {
            var items = sales1.get("/api/customers?size=50&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
                    .json().path("items");
            assertThat(items.toString()).as(q).contains(name);
        }
        assertThat(sales1.get("/api/customers?q=" + phone).json().path("items").get(0).path("name").asString()).isEqualTo(name);
        assertThat(sales1.get("/api/customers?q=" + java.net.URLEncoder.encode("恒五", java.nio.charset.StandardCharsets.UTF_8))
                .json().path("items").toString()).doesNotContain(name);
    }

    @Test
    void CUS6_similarNamesAreAHintWithOwnersOnly() {
        String name = unique("华南城市照明电器");
        login("sales1").post("/api/customers", customer(name, mobile()));
        var similar = login("sales3").get("/api/customers/similar?name="
                + java.net.URLEncoder.encode(name + "有限", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(similar.toString()).contains(name, "张伟");
        assertThat(login("sales3").get("/api/customers/similar?name=x").json().size()).isZero();
    }

    @Test
    void onlyFilersMayFileCustomers() {
        assertThat(login("finance").post("/api/customers", customer(unique("财务建档"), mobile())).status()).isEqualTo(403);
    }
}
