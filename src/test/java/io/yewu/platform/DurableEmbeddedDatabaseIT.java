package io.yewu.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database holds real data: fsync and synchronous commit must be on (the library defaults them off). */
@SpringBootTest(properties = {"yewu.data-dir=${java.io.tmpdir}/yewu-durable-${random.uuid}", "yewu.demo-data=false",
        "yewu.db.url="})
class DurableEmbeddedDatabaseIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void embeddedPostgresRunsDurably() {
        assertThat(jdbc.sql("SELECT setting FROM pg_settings WHERE name = 'fsync'").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SELECT setting FROM pg_settings WHERE name = 'synchronous_commit'").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SELECT current_setting('TimeZone')").query(String.class).single()).isEqualTo("Asia/Shanghai");
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("yewu_app");
    }

    /** The migrations run as the embedded server's superuser, so the name search keeps its index (docs/operations.md). */
    @Test
    void searchOperatorsAreLeakproofSoIndexesWorkBehindTheWall() {
        assertThat(jdbc.sql("SELECT bool_and(proleakproof) FROM pg_proc WHERE proname IN ('texticlike', 'similarity_op', 'arraycontains')")
                .query(Boolean.class).single()).isTrue();
    }
}
