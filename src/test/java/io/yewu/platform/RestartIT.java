package io.yewu.platform;

import io.yewu.YewuApplication;
import io.yewu.platform.security.CompanyContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database survives a restart: the second start reuses the data and does not seed the demo twice —
 * neither the company nor the customer book its first start generated.
 */
class RestartIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(YewuApplication.class).run("--server.port=0", "--yewu.data-dir=" + dataDir,
                "--yewu.db.url=", "--yewu.scheduler.enabled=false");
    }

    private static long count(ConfigurableApplicationContext context, String sql) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        return CompanyContext.callAsSystem(() -> jdbc.sql(sql).query(Long.class).single());
    }

    @Test
    void aSecondStartReusesTheEmbeddedDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory("yewu-restart");
        try (var first = start(dataDir)) {
            assertThat(count(first, "SELECT count(*) FROM company WHERE code = 'DEMO'")).isOne();
            assertThat(count(first, "SELECT count(*) FROM customer")).isEqualTo(300);
            CompanyContext.runAsSystem(() -> first.getBean(JdbcClient.class)
                    .sql("UPDATE app_user SET display_name = '重启前' WHERE username = 'sales1'").update());
        }
        try (var second = start(dataDir)) {
            assertThat(count(second, "SELECT count(*) FROM company WHERE code = 'DEMO'")).isOne();
            assertThat(count(second, "SELECT count(*) FROM app_user WHERE display_name = '重启前'")).isOne();
            assertThat(count(second, "SELECT count(*) FROM customer")).isEqualTo(300);
        }
    }
}
