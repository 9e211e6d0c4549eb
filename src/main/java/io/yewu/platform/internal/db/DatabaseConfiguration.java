package io.yewu.platform.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL only: an external server when {@code yewu.db.url} is set, otherwise an embedded PostgreSQL 17 under
 * the data directory, durable (fsync and synchronous commit on) unless {@code yewu.db.durable=false} (tests).
 * <p>Two logins (docs/operations.md): migrations run as the owner ({@code yewu.db.user}); the application pool logs
 * in as {@code yewu.db.app-user} (default {@code yewu_app}), a login role that owns nothing, is no superuser and
 * cannot bypass row-level security, so no statement (not even {@code RESET ROLE}) can lift the company wall.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseAvailability databaseAvailability(org.springframework.beans.factory.ObjectProvider<EarlyDatabaseStart> early) {
        EarlyDatabaseStart started = early.getIfAvailable();
        return started != null ? started.availability() : new DatabaseAvailability();
    }

    /**
     * The embedded server, or an empty holder when an external server is configured. Usually already starting
     * since the context was created ({@link EarlyDatabaseStart}), in parallel with reading the bean definitions.
     */
    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(Environment env, DatabaseAvailability availability,
                                            org.springframework.beans.factory.ObjectProvider<EarlyDatabaseStart> early) throws IOException {
        EarlyDatabaseStart started = early.getIfAvailable();
        if (started != null && started.availability() == availability) return started.take();
        return startEmbedded(env, availability);
    }

    /** Starts the embedded server the environment asks for (none when {@code yewu.db.url} is set). */
    static EmbeddedDatabaseHolder startEmbedded(Environment env, DatabaseAvailability availability) throws IOException {
        String url = env.getProperty("yewu.db.url", "");
        if (!url.isBlank()) {
            return new EmbeddedDatabaseHolder(null);
        }
        if (env.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Profile 'prod' refuses the embedded database: set YEWU_DB_URL, YEWU_DB_USER, YEWU_DB_PASSWORD");
        }
        Path dataDir = Path.of(env.getProperty("yewu.data-dir", System.getProperty("user.home") + "/.yewu"));
        boolean durable = env.getProperty("yewu.db.durable", Boolean.class, true);
        String onOff = durable ? "on" : "off";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fsync", onOff);
        config.put("synchronous_commit", onOff);
        config.put("full_page_writes", onOff);
        config.put("timezone", "Asia/Shanghai");
        config.put("max_connections", "200");
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, env.getProperty("yewu.db.embedded-port", Integer.class, 0),
                config, availability);
        log.warn("""

                ************************************************************************
                *  Yewu is running on the EMBEDDED PostgreSQL in {}
                *  (durable: {}, 127.0.0.1:{}, password in {}).
                *  For production set YEWU_DB_URL / YEWU_DB_USER / YEWU_DB_PASSWORD.
                ************************************************************************""",
                db.dataDirectory(), durable, db.port(), dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE));
        return new EmbeddedDatabaseHolder(db);
    }

    @Bean
    DatabaseLogins databaseLogins(Environment env, EmbeddedDatabaseHolder embedded) {
        String appUser = env.getProperty("yewu.db.app-user", "");
        String appPassword = env.getProperty("yewu.db.app-password", "");
        if (embedded.db() != null) {
            EmbeddedDatabase db = embedded.db();
            return DatabaseLogins.of(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.password(), appUser, appPassword);
        }
        return DatabaseLogins.of(env.getRequiredProperty("yewu.db.url"), env.getProperty("yewu.db.user", "yewu"),
                env.getProperty("yewu.db.password", ""), appUser, appPassword);
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseLogins logins, Environment env, DatabaseAvailability availability) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(logins.url());
        config.setUsername(logins.appUser());
        config.setPassword(logins.appPassword());
        config.setMaximumPoolSize(env.getProperty("yewu.db.pool-size", Integer.class, 16));
        config.setPoolName("yewu");
        // short waits: a request that cannot get a connection answers 503 soon instead of hanging (docs/operations.md)
        config.setConnectionTimeout(env.getProperty("yewu.db.connection-timeout", Duration.class, Duration.ofSeconds(2)).toMillis());
        config.setValidationTimeout(500);
        // SET ROLE: a login role that is a member of yewu_app (YEWU_DB_APP_USER) works with exactly its rights.
        // Prepared statements keep their plans, except pattern matches, planned for their values every time
        // (ValueSensitivePlans, decision 0040)
        config.setConnectionInitSql("SET ROLE yewu_app; SET TIME ZONE 'Asia/Shanghai'");
        config.setInitializationFailTimeout(-1); // the login exists only once the migration has provisioned it
        HikariDataSource pool = new HikariDataSource(config);
        availability.attach(pool);
        return new CompanyWallDataSource(pool);
    }

    /** Spring's JdbcClient on the application's pool, mapping records faster ({@link RecordMappingJdbcClient}). */
    @Bean
    org.springframework.jdbc.core.simple.JdbcClient jdbcClient(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate template) {
        return new RecordMappingJdbcClient(org.springframework.jdbc.core.simple.JdbcClient.create(template));
    }

    /**
     * The document counters' pool (platform numbering): up to three connections of the application's login whose
     * statements commit at once without waiting for the flush, behind the same company wall. Separate from the
     * main pool, so a request that holds a main connection and asks for a number never waits on its own pool.
     */
    @Bean(destroyMethod = "close")
    DataSource numberingDataSource(DatabaseLogins logins) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(logins.url());
        config.setUsername(logins.appUser());
        config.setPassword(logins.appPassword());
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(1);
        config.setPoolName("yewu-numbering");
        config.setConnectionTimeout(Duration.ofSeconds(2).toMillis());
        config.setValidationTimeout(500);
        config.setConnectionInitSql("SET ROLE yewu_app; SET TIME ZONE 'Asia/Shanghai'; SET synchronous_commit = off");
        config.setInitializationFailTimeout(-1);
        return new CompanyWallDataSource(new HikariDataSource(config));
    }

    /**
     * Spring Session's pool: the same connections, taken as they are. Its statements touch only the session tables,
     * which carry no company and no wall, so a session look-up does not flip a connection's company mark to "none"
     * and back (two round trips per request). Everything else still goes through the company wall.
     */
    @Bean
    @org.springframework.session.jdbc.config.annotation.SpringSessionDataSource
    DataSource sessionDataSource(DataSource dataSource) throws java.sql.SQLException {
        // unwrap, not cast: a test may wrap the application's pool (e.g. to count statements)
        return dataSource.unwrap(CompanyWallDataSource.class).getTargetDataSource();
    }

    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseLogins logins) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), logins.url(), logins.ownerUser(), logins.ownerPassword());
    }

    /** Migrates as the owner, then makes sure the application's login exists and is safe (AppLogin). */
    @Bean
    FlywayMigrationStrategy migrateThenProvisionAppLogin(DatabaseLogins logins) {
        return flyway -> {
            flyway.migrate();
            AppLogin.provision(flyway.getConfiguration().getDataSource(), logins);
        };
    }

    /** Health of the database without waiting on it: DOWN at once while it is known down, else a bounded probe. */
    @Bean
    HealthIndicator dbHealthIndicator(DatabaseAvailability availability) {
        return () -> {
            String reason = availability.downReason();
            if (reason == null) {
                DatabaseAvailability.Probe probe = availability.probe(false);
                reason = probe.reason();
                if (probe.unreachable()) availability.markDown(reason);
            }
            return reason == null ? Health.up().withDetail("database", "PostgreSQL").build()
                    : Health.down().withDetail("database", "PostgreSQL").withDetail("reason", reason).build();
        };
    }

    /** Once the application starts stopping, a dying embedded server is no longer started again. */
    @Bean
    ApplicationListener<ContextClosedEvent> stopWatchingEmbeddedDatabase(EmbeddedDatabaseHolder embedded) {
        return event -> {
            if (embedded.db() != null) embedded.db().stopWatching();
        };
    }

    /** Stops the embedded server (if any) with the context, after the pool. */
    record EmbeddedDatabaseHolder(EmbeddedDatabase db) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (db != null) db.close();
        }
    }
}
