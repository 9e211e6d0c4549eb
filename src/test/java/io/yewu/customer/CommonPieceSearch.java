package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, decisions 0038 and 0045: a name piece that more files share than a search's caps (the count's 1,000, the
 * DEFINER path's 2,000 candidates) is answered exactly on both paths: every page, past the cap too, shows the newest
 * matches; a salesperson sees their own; a filter that leaves few matches counts them exactly.
 * {@link CommonPieceDirectIT} runs it on the direct path, {@link CommonPieceDefinerIT} through the function.
 */
abstract class CommonPieceSearch extends IntegrationTest {

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.path("name").asString()));
        return names;
    }

    /**
     * A piece more files share than the function's candidates (NameSearch.LIST_IDS): a salesperson's search is narrowed
     * to their own files and stays exact; a manager's tells "more than 1,000" from the candidates and shows the newest
     * files of all matches, on any page; a filter that leaves few of the candidates in view counts them exactly.
     */
    @Test
    void PLT5_aPieceSharedByMoreFilesThanTheCandidatesCapIsAnsweredExactly() throws Exception {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < 3; i++) t.append((char) (0x4E00 + ThreadLocalRandom.current().nextInt(0x5000)));
        String token = t.toString();
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        int theirs = 2_100; // more than the list's candidates (NameSearch.LIST_IDS, 2,000)
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SELECT set_config('yewu.company_id', '" + company + "', true)");
            // sales2 owns many files with the piece (five of them intentions), sales1 three intentions
            st.execute("""
                    INSERT INTO customer (company_id, name, city, source, stage, owner_id, department_id, created_by)
                    SELECT %1$d, '%2$s' || CASE WHEN g.i <= %3$d THEN '乙' ELSE '甲' END || g.i, '杭州', 'SELF',
                           CASE WHEN g.i <= %3$d AND g.i > 5 THEN 'ACTIVE' ELSE 'INTENTION' END, u.id, u.department_id, u.id
                    FROM generate_series(1, %3$d + 3) g(i)
                    JOIN app_user u ON u.company_id = %1$d AND u.username = CASE WHEN g.i <= %3$d THEN 'sales2' ELSE 'sales1' END
                    ORDER BY g.i""".formatted(company, token, theirs));
            c.commit();
        }
        String q = URLEncoder.encode(token.substring(0, 2), StandardCharsets.UTF_8);

        JsonNode mine = login("sales1").get("/api/customers?size=50&q=" + q).json();
        assertThat(names(mine.path("items"))).containsExactlyInAnyOrder(token + "甲" + (theirs + 1), token + "甲" + (theirs + 2),
                token + "甲" + (theirs + 3));
        assertThat(mine.path("total").asLong()).isEqualTo(3);

        Api manager = login("manager");
        List<Long> newest = asSystem(() -> jdbc.sql("SELECT id FROM customer WHERE name LIKE :p ORDER BY id DESC")
                .param("p", token + "%").query(Long.class).list());
        assertThat(newest).hasSize(theirs + 3);
        for (int pageNo : new int[] {0, 60, (theirs + 3) / 20}) {
            JsonNode page = manager.get("/api/customers?size=20&page=" + pageNo + "&q=" + q).json();
            List<Long> ids = new ArrayList<>();
            page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
            assertThat(ids).as("page " + pageNo).isEqualTo(newest.subList(pageNo * 20, Math.min(newest.size(), pageNo * 20 + 20)));
            // a short page ends the list and tells its total; any other says "more than 1,000"
            boolean last = ids.size() < 20;
            assertThat(page.path("totalExact").asBoolean()).isEqualTo(last);
            assertThat(page.path("total").asLong()).isEqualTo(last ? theirs + 3 : 1000);
        }
        JsonNode intentions = manager.get("/api/customers?size=50&stage=INTENTION&q=" + q).json();
        assertThat(intentions.path("items")).hasSize(8);
        assertThat(intentions.path("total").asLong()).isEqualTo(8);
        assertThat(intentions.path("totalExact").asBoolean()).isTrue();
    }
}
