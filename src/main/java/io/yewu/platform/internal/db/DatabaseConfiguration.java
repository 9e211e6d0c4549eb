package io.yewu.platform.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL only: an external server when {@code yewu.db.url} is set, otherwise an embedded PostgreSQL 17 under
 * the data directory, durable (fsync and synchronous commit on) unless {@code yewu.db.durable=false} (tests).
 * The application pool runs as role {@code yewu_app} so the company wall applies; migrations run as the owner.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    record Target(String url, String user, String password) {}

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(Environment env) throws IOException {
        String url = env.getProperty("yewu.db.url", "");
        if (!url.isBlank()) {
            return EmbeddedDatabase.none();
        }
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Profile 'prod' refuses the embedded database: set YEWU_DB_URL, YEWU_DB_USER, YEWU_DB_PASSWORD");
        }
        Path dir = Path.of(env.getProperty("yewu.data-dir", System.getProperty("user.home") + "/.yewu")).resolve("pgdata");
        Files.createDirectories(dir);
        boolean durable = env.getProperty("yewu.db.durable", Boolean.class, true);
        String onOff = durable ? "on" : "off";
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // Spring stops it, after the connection pool
                .setPort(env.getProperty("yewu.db.embedded-port", Integer.class, 0))
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff)
                .setServerConfig("timezone", "Asia/Shanghai")
                .setServerConfig("max_connections", "200")
                .start();
        log.warn("""

                ************************************************************************
                *  Yewu is running on the EMBEDDED PostgreSQL in {}
                *  (durable: {}). For production set YEWU_DB_URL / YEWU_DB_USER / YEWU_DB_PASSWORD.
                ************************************************************************""", dir, durable);
        return new EmbeddedDatabase(pg);
    }

    @Bean
    Target databaseTarget(Environment env, EmbeddedDatabase embedded) {
        if (embedded.postgres() != null) {
            return new Target(embedded.postgres().getJdbcUrl("postgres", "postgres"), "postgres", "");
        }
        return new Target(env.getRequiredProperty("yewu.db.url"), env.getProperty("yewu.db.user", "yewu"),
                env.getProperty("yewu.db.password", ""));
    }

    @Bean
    @Primary
    DataSource dataSource(Target target, Environment env) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(env.getProperty("yewu.db.pool-size", Integer.class, 16));
        config.setPoolName("yewu");
        // custom plans always: a generic plan cannot see that a two-character ILIKE pattern makes the trigram
        // index useless, and once cached it turned a 2 ms search into a 120 ms one (docs/performance.md)
        config.setConnectionInitSql("SET ROLE yewu_app; SET TIME ZONE 'Asia/Shanghai'; SET plan_cache_mode = force_custom_plan");
        config.setInitializationFailTimeout(-1); // the role exists only once Flyway has migrated
        return new CompanyWallDataSource(new HikariDataSource(config));
    }

    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(Target target) throws ClassNotFoundException {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), target.url(), target.user(), target.password());
    }
}
