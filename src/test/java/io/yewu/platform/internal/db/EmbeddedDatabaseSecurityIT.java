package io.yewu.platform.internal.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server is no open door for other local users: a generated password in a 0600 file, SCRAM for every
 * connection, 127.0.0.1 only, no Unix socket; a data directory from an earlier version (trust) is secured on start.
 */
@SpringBootTest(properties = {"yewu.data-dir=${java.io.tmpdir}/yewu-embedded-security-${random.uuid}",
        "yewu.demo-data=false", "yewu.db.url=", "yewu.db.durable=false", "yewu.scheduler.enabled=false"})
class EmbeddedDatabaseSecurityIT {

    @Autowired
    DatabaseConfiguration.EmbeddedDatabaseHolder embedded;

    @Autowired
    DatabaseLogins logins;

    @Test
    void thePasswordFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = embedded.db().dataDirectory().resolveSibling(EmbeddedDatabase.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).isEqualTo(embedded.db().password()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused() throws Exception {
        String url = embedded.db().jdbcUrl();
        for (String user : new String[]{"postgres", "yewu_app"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "").close()).as(user + " without password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "wrong").close()).as(user + " wrong password")
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        try (Connection c = DriverManager.getConnection(url, logins.appUser(), logins.appPassword())) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void everyConnectionUsesScramOnLoopbackWithoutAUnixSocket() throws Exception {
        try (Connection c = DriverManager.getConnection(embedded.db().jdbcUrl(), "postgres", embedded.db().password())) {
            JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(c, true));
            assertThat(sql.sql("SELECT DISTINCT auth_method FROM pg_hba_file_rules").query(String.class).list())
                    .containsExactly("scram-sha-256");
            assertThat(sql.sql("SELECT count(*) FROM pg_hba_file_rules WHERE type <> 'host' OR address <> '127.0.0.1'")
                    .query(Long.class).single()).isZero();
            assertThat(sql.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            assertThat(sql.sql("SHOW unix_socket_directories").query(String.class).single()).isEmpty();
            assertThat(sql.sql("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'yewu_app'")
                    .query(Boolean.class).single()).isTrue();
        }
    }

    @Test
    void aDataDirectoryFromAnEarlierVersionThatTrustedEveryoneIsSecuredOnStart() throws Exception {
        Path dataDir = Files.createTempDirectory("yewu-legacy-pgdata");
        // what earlier versions made: the library's defaults, initdb -A trust, no password
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pgdata"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + legacy.getPort() + "/postgres", "postgres", "")) {
                assertThat(c.isValid(1)).as("the earlier version trusted a password-less connection").isTrue();
            }
        }
        try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(dataDir, 0, Map.of("fsync", "off"),
                new DatabaseAvailability())) {
            Path file = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(upgraded.jdbcUrl(), "postgres", Files.readString(file).strip())) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(Files.readString(dataDir.resolve("pgdata/pg_hba.conf"))).doesNotContain("trust");
        }
        // and the next start reuses the same password
        String password = Files.readString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip();
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir, 0, Map.of("fsync", "off"), new DatabaseAvailability())) {
            assertThat(again.password()).isEqualTo(password);
            try (Connection c = DriverManager.getConnection(again.jdbcUrl(), "postgres", password)) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }
}
