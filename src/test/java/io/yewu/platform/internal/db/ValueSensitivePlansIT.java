package io.yewu.platform.internal.db;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0040: on the application's connections a key look-up keeps its prepared plan (PostgreSQL lists it as a
 * prepared statement with generic plans), while a pattern match is planned for its values every time (it is never
 * prepared on the server, so PostgreSQL never keeps a plan for it).
 */
class ValueSensitivePlansIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private static final String BY_ID = "SELECT count(*) FROM customer c WHERE c.id = ?";
    private static final String BY_PATTERN = "SELECT count(*) FROM customer c WHERE c.name ILIKE ?";
    private static final String BY_TRIGRAM = "SELECT count(*) FROM customer c WHERE c.name % ?";

    /** Each prepared statement PostgreSQL keeps for this connection: its text → generic plans made or used. */
    private static Map<String, Long> preparedOnTheServer(Connection c) throws SQLException {
        Map<String, Long> kept = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT statement, generic_plans FROM pg_prepared_statements");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) kept.put(rs.getString(1), rs.getLong(2));
        }
        return kept;
    }

    @Test
    void keyLookUpsKeepTheirPlansWhilePatternMatchesArePlannedForTheirValues() {
        long demo = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        CompanyContext.runAs(demo, () -> {
            try (Connection c = dataSource.getConnection()) {
                for (int i = 0; i < 12; i++) {
                    run(c, BY_ID, (long) i);
                    run(c, BY_PATTERN, "%恒" + i + "%");
                    run(c, BY_TRIGRAM, "恒达公司" + i);
                }
                Map<String, Long> kept = preparedOnTheServer(c);
                assertThat(kept.entrySet()).as("the key look-up, prepared with its generic plan in use")
                        .anyMatch(e -> e.getKey().contains("c.id = $1") && e.getValue() > 0);
                assertThat(kept.keySet()).as("no pattern match is kept prepared")
                        .noneMatch(sql -> sql.contains("ILIKE") || sql.contains(" % "));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theDetectionFindsEveryKindOfPatternMatch() {
        assertThat(ValueSensitivePlans.planForValues("SELECT 1 FROM t WHERE name ILIKE :p")).isTrue();
        assertThat(ValueSensitivePlans.planForValues("SELECT 1 FROM t WHERE name like :p")).isTrue();
        assertThat(ValueSensitivePlans.planForValues("SELECT 1 FROM t WHERE name % :p")).isTrue();
        assertThat(ValueSensitivePlans.planForValues("SELECT similarity(name, :p) FROM t")).isTrue();
        assertThat(ValueSensitivePlans.planForValues("SELECT 1 FROM t WHERE name_grams @> yewu_bigrams(:p)")).isTrue();
        assertThat(ValueSensitivePlans.planForValues("SELECT 1 FROM t WHERE name SIMILAR TO :p")).isTrue();
        assertThat(ValueSensitivePlans.planForValues("SELECT 1 FROM t WHERE id = :id AND starts_with(path, :p)")).isFalse();
        assertThat(ValueSensitivePlans.planForValues("UPDATE t SET likes = likes + 1 WHERE id = :id")).isFalse();
    }

    @Test
    void aRememberedAnswerIsTheSameAnswer() {
        // the answers are kept per statement text: asked again (an equal text, another instance), the same answer
        for (String sql : new String[]{"SELECT 1 FROM t WHERE name ILIKE :p", "SELECT 1 FROM t WHERE id = :id"}) {
            boolean first = ValueSensitivePlans.planForValues(new String(sql.toCharArray()));
            for (int i = 0; i < 3; i++) {
                assertThat(ValueSensitivePlans.planForValues(new String(sql.toCharArray()))).isEqualTo(first);
            }
        }
        // past the bound, texts are still answered, just not kept
        for (int i = 0; i < ValueSensitivePlans.REMEMBERED + 10; i++) {
            assertThat(ValueSensitivePlans.planForValues("SELECT " + i + " FROM t WHERE name LIKE :p")).isTrue();
        }
        assertThat(ValueSensitivePlans.planForValues("SELECT -1 FROM t WHERE id = :id")).isFalse();
    }

    private static void run(Connection c, String sql, Object value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
            }
        }
    }
}
