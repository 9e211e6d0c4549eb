package io.yewu.platform.internal.db;

import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's JdbcClient maps records like Spring's SimplePropertyRowMapper (same names, same conversions) —
 * only faster ({@link RecordMappingJdbcClient}).
 */
class RecordRowsIT extends IntegrationTest {

    enum Kind { STANDARD, NON_STANDARD }

    record Mixed(long id, Long maybe, int count, Integer maybeCount, boolean flag, String name, BigDecimal amount,
                 LocalDate day, OffsetDateTime at, Kind kind, Optional<String> note, String camelCase) {}

    record Primitive(int count) {}

    @Autowired
    JdbcClient app;

    private static final String ROWS = """
            SELECT * FROM (VALUES
              (1::bigint, NULL::bigint, 3, NULL::int, true, '名称', 12.30::numeric(14, 2), DATE '2026-11-30',
               TIMESTAMPTZ '2026-11-30 08:00:00+08', 'NON_STANDARD', NULL::text, 'c1'),
              (2::bigint, 7::bigint, 0, 5, false, NULL, NULL::numeric(14, 2), NULL::date,
               NULL::timestamptz, 'STANDARD', 'n', 'c2'))
              AS t(id, maybe, count, maybe_count, flag, name, amount, day, at, kind, note, "camelCase")
            ORDER BY id""";

    @Test
    void recordsMapAsSpringsMapperMapsThem() {
        assertThat(app).isInstanceOf(RecordMappingJdbcClient.class);
        List<Mixed> fast = app.sql(ROWS).query(Mixed.class).list();
        List<Mixed> spring = JdbcClient.create(dataSource).sql(ROWS)
                .query(new SimplePropertyRowMapper<>(Mixed.class, DefaultConversionService.getSharedInstance())).list();
        assertThat(fast).hasSize(2).isEqualTo(spring);
        assertThat(fast.getFirst().kind()).isEqualTo(Kind.NON_STANDARD);
        assertThat(fast.getFirst().note()).isEmpty();
        assertThat(fast.get(1).note()).contains("n");
        assertThat(fast.getFirst().amount()).isEqualByComparingTo("12.30");
        assertThat(fast.get(1).maybe()).isEqualTo(7L);
    }

    @Test
    void aNullForAPrimitiveComponentFailsAsWithSpringsMapper() {
        String sql = "SELECT NULL::int AS count";
        assertThatThrownBy(() -> app.sql(sql).query(Primitive.class).single()).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> JdbcClient.create(dataSource).sql(sql)
                .query(new SimplePropertyRowMapper<>(Primitive.class, DefaultConversionService.getSharedInstance())).single())
                .isInstanceOf(RuntimeException.class);
    }

    @Autowired
    javax.sql.DataSource dataSource;
}
