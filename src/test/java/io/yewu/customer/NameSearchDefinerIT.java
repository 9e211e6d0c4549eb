package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Plans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, decision 0038: name search on a server where the owner is not a superuser. With
 * {@code yewu.search.name-path=definer} the list and the service desk's look-up find a name piece's files through
 * {@code customer_name_matches} (V49, V57), with the same answers behind the wall and the scope; and where
 * {@code arraycontains} and {@code texticlike} are not LEAKPROOF, that function still uses the name index while the
 * plain condition cannot.
 */
@TestPropertySource(properties = "yewu.search.name-path=definer")
class NameSearchDefinerIT extends IntegrationTest {

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    private static String token() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3; i++) s.append((char) (0x4E00 + ThreadLocalRandom.current().nextInt(0x5000)));
        return s.toString();
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.path("name").asString()));
        return names;
    }

    @Test
    void PLT5_theDefinerPathFindsANamePieceWithinTheWallAndTheReadersScope() {
        String token = token();
        String mine = token + "商行", theirs = "老" + token + "超市";
        assertThat(login("sales1").post("/api/customers", CustomerFilingIT.customer(mine, mobile())).status()).isEqualTo(201);
        assertThat(login("sales2").post("/api/customers", CustomerFilingIT.customer(theirs, mobile())).status()).isEqualTo(201);
        String q = URLEncoder.encode(token.substring(0, 2), StandardCharsets.UTF_8);

        assertThat(names(login("sales1").get("/api/customers?size=50&q=" + q).json().path("items"))).containsExactly(mine);
        assertThat(names(login("sales2").get("/api/customers?size=50&q=" + q).json().path("items"))).containsExactly(theirs);
        assertThat(names(login("sales1").get("/api/customers?size=50&q=" + URLEncoder.encode(token + "商", StandardCharsets.UTF_8))
                .json().path("items"))).containsExactly(mine);
        // the service desk sees every owned file: both, the one whose name begins with the text first
        Api agent = login("agent1");
        JsonNode cards = agent.get("/api/tickets/customer-lookup?q=" + q).json();
        List<String> found = new ArrayList<>();
        (cards.isArray() ? cards : cards.path("items")).forEach(c -> found.add(c.path("name").asString()));
        assertThat(found).containsExactly(mine, theirs);
    }

    @Test
    void PLT5_withoutLeakproofFunctionsOnlyTheDefinerFunctionUsesTheNameIndex() throws Exception {
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                // the server of a provider where the owner is not a superuser: nothing LEAKPROOF
                st.execute("ALTER FUNCTION arraycontains(anyarray, anyarray) NOT LEAKPROOF");
                st.execute("ALTER FUNCTION texticlike(text, text) NOT LEAKPROOF");
                st.execute("SELECT set_config('yewu.company_id', '" + company + "', true)");
                st.execute("SET LOCAL enable_seqscan = off");
                // the name condition alone (the wall adds the company for yewu_app): on the few rows of a test
                // database the company's own index would otherwise win on cost, whatever the wall allows
                String condition = " FROM customer WHERE name_grams @> yewu_bigrams('恒达') AND name ILIKE '%恒达%'";
                st.execute("SET LOCAL ROLE yewu_app");
                String direct = Plans.of(st, "EXPLAIN SELECT id" + condition);
                // the function's own query, as the role it runs as
                st.execute("SET LOCAL ROLE yewu_search");
                String definer = Plans.of(st, "EXPLAIN SELECT id" + condition);
                assertThat(direct).as(direct).doesNotContain("customer_name_grams_idx");
                assertThat(definer).as(definer).contains("customer_name_grams_idx");
                // and it keeps to the transaction's company: another company's id finds nothing of this one
                st.execute("RESET ROLE");
                st.execute("SET LOCAL ROLE yewu_app");
                st.execute("SELECT set_config('yewu.company_id', '-1', true)");
                assertThat(Plans.of(st, "SELECT count(*) FROM customer_name_matches('商行', '%商行%', NULL, NULL)")).isEqualTo("0");
            } finally {
                c.rollback();
            }
        }
    }
}
