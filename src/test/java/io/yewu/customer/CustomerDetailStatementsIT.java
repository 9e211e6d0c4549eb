package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.StatementCounter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.yewu.customer.CustomerFilingIT.customer;
import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 "Reads": a customer's detail — the file, its contacts, follow-ups, ownership periods, claims, decisions and
 * change requests — is read in one round trip (decision 0050), and the claims' decisions in a second only when the
 * file has claims. Before, it took one round trip per part (seven).
 */
class CustomerDetailStatementsIT extends IntegrationTest {

    private List<String> detail(Api api, long id) {
        String tag = UUID.randomUUID().toString();
        Api.Response r = api.header(StatementCounter.HEADER, tag).get("/api/customers/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return StatementCounter.work(StatementCounter.statements(tag));
    }

    @Test
    void CUS5_aDetailIsReadInOneRoundTripAndItsClaimsDecisionsInASecond() {
        Api sales1 = login("sales1");
        String name = unique("一趟读取");
        String phone = mobile();
        Api.Response filed = sales1.post("/api/customers", customer(name, phone));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().path("id").asLong();
        assertThat(sales1.post("/api/customers/" + id + "/follow-ups", Map.of("kind", "PHONE", "content", "首次电话")).status()).isEqualTo(201);

        List<String> statements = detail(sales1, id);
        assertThat(statements).as("statements of a detail: %s", statements).hasSize(1);
        assertThat(statements.getFirst()).contains("customer_contact", "follow_up", "customer_ownership",
                "customer_claim", "decision_record", "customer_change_request");
        var shown = sales1.get("/api/customers/" + id).json();
        assertThat(shown.path("customer").path("name").asString()).isEqualTo(name);
        assertThat(shown.path("customer").path("contacts").get(0).path("phone").asString()).isEqualTo(phone);
        assertThat(shown.path("followUps").get(0).path("content").asString()).isEqualTo("首次电话");
        assertThat(shown.path("ownership").size()).isEqualTo(1);
        assertThat(shown.path("decisions").size()).isPositive();

        // another salesperson files the same name: a claim on this file, answered with an ownership decision
        assertThat(login("sales2").post("/api/customers", customer(name, mobile())).status()).isEqualTo(409);
        List<String> withClaims = detail(sales1, id);
        assertThat(withClaims).as("statements of a detail with claims: %s", withClaims).hasSize(2);
        assertThat(withClaims.get(1)).contains("decision_record");
        assertThat(sales1.get("/api/customers/" + id).json().path("claims").get(0).path("decision").path("hits").size()).isPositive();
    }

    /**
     * Decision 0052: a full page of the list and its count come from one statement (one walk in the page's order), and
     * the count is the reader's own files, the same as counted apart; a page past the end is empty and counts apart.
     */
    @Test
    void CUS16_aListPageAndItsCountAreOneStatement() {
        Api sales1 = login("sales1");
        for (int i = 0; i < 3; i++) {
            assertThat(sales1.post("/api/customers", customer(unique("一次遍历"), mobile())).status()).isEqualTo(201);
        }
        long own = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM customer c JOIN app_user u ON u.id = c.owner_id WHERE u.username = 'sales1'""")
                .query(Long.class).single());

        String tag = UUID.randomUUID().toString();
        Api.Response first = sales1.header(StatementCounter.HEADER, tag).get("/api/customers?size=2&page=0&sort=name,asc");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        List<String> statements = StatementCounter.work(StatementCounter.statements(tag));
        assertThat(statements).as("statements of a list page: %s", statements).hasSize(1);
        assertThat(first.json().path("items").size()).isEqualTo(2);
        assertThat(first.json().path("total").asLong()).isEqualTo(Math.min(own, 1000));
        assertThat(first.json().path("totalExact").asBoolean()).isEqualTo(own <= 1000);

        // the next page continues past the first (CustomerListPagesIT checks orders and pages against SQL)
        var second = sales1.get("/api/customers?size=2&page=1&sort=name,asc").json();
        assertThat(second.path("items").get(0).path("id").asLong()).isNotIn(
                first.json().path("items").get(0).path("id").asLong(), first.json().path("items").get(1).path("id").asLong());
        assertThat(second.path("total").asLong()).isEqualTo(Math.min(own, 1000));

        String pastTag = UUID.randomUUID().toString();
        Api.Response past = sales1.header(StatementCounter.HEADER, pastTag).get("/api/customers?size=2&page=" + (own / 2 + 3));
        assertThat(past.json().path("items").size()).isZero();
        assertThat(past.json().path("total").asLong()).isEqualTo(Math.min(own, 1000));
        assertThat(StatementCounter.work(StatementCounter.statements(pastTag))).hasSize(2);
    }
}
