package io.yewu.platform.internal.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded PostgreSQL 17 under {@code <data-dir>/pgdata}, made safe to leave running on a shared machine:
 * <ul>
 * <li>the superuser {@code postgres} has a generated password, kept in {@code <data-dir>/pgdata.password} (mode
 *     0600, reused by every later start; initdb reads it with {@code --pwfile});</li>
 * <li>every connection authenticates with SCRAM: {@code pg_hba.conf} holds one {@code host … scram-sha-256} line
 *     for 127.0.0.1 and no {@code trust} line (rewritten at every start, so a data directory made by an earlier
 *     version, whose lines were {@code trust}, gets the password and the new file on its first start);</li>
 * <li>the server listens on 127.0.0.1 only and has no Unix socket ({@code unix_socket_directories} empty).</li>
 * </ul>
 * A watchdog notices when the postmaster dies (it checks the PID from {@code postmaster.pid} every
 * {@link #WATCH_INTERVAL}), reports the database down at once, ends the server's orphaned processes and starts the
 * server again on the same data directory and port; PostgreSQL's crash recovery replays the WAL, so every
 * acknowledged commit is there again.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String SUPERUSER = "postgres";
    static final String PASSWORD_FILE = "pgdata.password";
    static final Duration WATCH_INTERVAL = Duration.ofMillis(100);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HBA = """
            # Written by Yewu at every start (see docs/operations.md): password (SCRAM) authentication over
            # 127.0.0.1 only. The server has no Unix socket and listens on no other address.
            host  all  all  127.0.0.1/32  scram-sha-256
            """;

    private final Path dataDirectory;
    private final int port;
    private final String password;
    private final Map<String, String> serverConfig;
    private final DatabaseAvailability availability;
    private final Object lifecycle = new Object();
    private volatile EmbeddedPostgres postgres;
    private volatile long postmasterPid;
    private volatile boolean closed;
    private Thread watchdog;

    private EmbeddedDatabase(Path dataDirectory, int port, String password, Map<String, String> serverConfig,
                             DatabaseAvailability availability) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password;
        this.serverConfig = serverConfig;
        this.availability = availability;
    }

    /** Starts (and on a first start creates) the server under {@code yewuDataDir/pgdata}. */
    static EmbeddedDatabase start(Path yewuDataDir, int port, Map<String, String> serverConfig,
                                  DatabaseAvailability availability) throws IOException {
        Path pgdata = yewuDataDir.resolve("pgdata");
        Files.createDirectories(pgdata);
        Path passwordFile = yewuDataDir.resolve(PASSWORD_FILE);
        boolean existing = Files.exists(pgdata.resolve("postgresql.conf"));
        boolean upgrade = false;
        String password;
        if (Files.exists(passwordFile)) {
            password = readPassword(passwordFile);
        } else if (existing && !hbaTrusts(pgdata)) {
            throw new IllegalStateException("The embedded database in " + pgdata + " needs its password file "
                    + passwordFile + ", which is missing: restore it from the backup of " + yewuDataDir);
        } else {
            upgrade = existing; // made by an earlier version, whose pg_hba.conf trusted every local connection
            password = writeNewPassword(passwordFile);
        }
        EmbeddedDatabase db = new EmbeddedDatabase(pgdata, port == 0 ? freePort() : port, password, serverConfig,
                availability);
        db.postgres = db.launch(passwordFile);
        db.secure(upgrade);
        db.postmasterPid = db.readPostmasterPid();
        db.watchdog = Thread.ofPlatform().daemon().name("yewu-embedded-pg-watchdog").start(db::watch);
        return db;
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** A JDBC URL on 127.0.0.1 (never "localhost", which may name ::1, where the server does not listen). */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private EmbeddedPostgres launch(Path passwordFile) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // Spring stops it, after the connection pool
                .setPort(port)
                // initdb: the library passes "-A trust" first; a later --auth wins, and --pwfile gives the password
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                // its own readiness check connects as postgres: with the password
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60)) // crash recovery of a large WAL takes a while
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256");
        serverConfig.forEach(builder::setServerConfig);
        return builder.start();
    }

    /** Sets the password on a data directory from an earlier version, then enforces pg_hba.conf. */
    private void secure(boolean upgrade) throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password)) {
            if (upgrade) {
                c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
                log.warn("The embedded database in {} allowed password-less connections (an earlier version): it now "
                        + "requires the password in {}", dataDirectory, dataDirectory.resolveSibling(PASSWORD_FILE));
            }
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                Files.writeString(hba, HBA);
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_reload_conf()");
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not secure the embedded database in " + dataDirectory, e);
        }
    }

    private static boolean hbaTrusts(Path pgdata) throws IOException {
        Path hba = pgdata.resolve("pg_hba.conf");
        if (!Files.exists(hba)) return false;
        return Files.readAllLines(hba).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
    }

    private static String readPassword(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!permissions.equals(OWNER_ONLY)) {
            log.warn("{} was readable by others ({}): set to 0600", file, PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) throw new IllegalStateException(file + " is empty");
        return password;
    }

    private static String writeNewPassword(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // created 0600 from the first byte, then moved into place, so no reader ever sees it open or half-written
        Path temp = Files.createTempFile(file.getParent(), ".pgdata-password", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        }
        return password;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The postmaster's PID: the first line of {@code postmaster.pid}. */
    long readPostmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(WATCH_INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
            if (closed) return;
            if (alive(postmasterPid)) continue;
            availability.markDown("the embedded PostgreSQL server (PID " + postmasterPid + ") exited");
            restart();
        }
    }

    /** Crash recovery: end the dead server's remaining processes, then start it again until it runs. */
    private void restart() {
        for (int attempt = 1; !closed; attempt++) {
            synchronized (lifecycle) {
                if (closed) return;
                try {
                    endOrphans();
                    forgetDeadPostmaster();
                    stopQuietly(postgres); // releases the library's lock on the data directory
                    postgres = launch(dataDirectory.resolveSibling(PASSWORD_FILE));
                    postmasterPid = readPostmasterPid();
                    log.warn("The embedded PostgreSQL server was started again (crash recovery), PID {}", postmasterPid);
                    return;
                } catch (IOException | RuntimeException e) {
                    log.error("Starting the embedded PostgreSQL server again failed (attempt {})", attempt, e);
                    // the failed start keeps the library's lock on "epg-lock" in this JVM: a new file for the next try
                    // (a server it may have left running is ended with the orphans then)
                    try {
                        Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
                    } catch (IOException ignored) {
                        // the next attempt reports it
                    }
                }
            }
            try {
                Thread.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Ends the processes the dead postmaster left behind (a backend may still hold shared memory, which makes a new
     * postmaster refuse to start). They are the PostgreSQL processes whose working directory is this data directory.
     */
    private void endOrphans() throws IOException {
        Path self = dataDirectory.toRealPath();
        Path binary = binaryOf(postmasterPid);
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> workingDirectory(p.pid()).map(self::equals).orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")
                        && (binary == null || Path.of(c).equals(binary))).orElse(false))
                .toList();
        orphans.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (ProcessHandle orphan : orphans) {
            while (alive(orphan.pid())) { // a zombie has let go of the shared memory already
                if (System.nanoTime() > deadline) {
                    throw new IOException("An orphaned process of the embedded server did not end: " + orphan.pid());
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted", e);
                }
            }
        }
        if (!orphans.isEmpty()) log.warn("Ended {} orphaned processes of the embedded PostgreSQL server", orphans.size());
    }

    /**
     * Removes the dead postmaster's {@code postmaster.pid} once it and every process it left are known gone (Linux,
     * where {@link #endOrphans()} finds them): otherwise stopping the dead server waits until the process that adopted
     * the killed postmaster reaps it, and the new server's start waits as well.
     */
    private void forgetDeadPostmaster() throws IOException {
        if (!Files.isDirectory(Path.of("/proc/self")) || alive(postmasterPid)) return;
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (Files.exists(pidFile) && readPostmasterPid() == postmasterPid) Files.delete(pidFile);
    }

    /**
     * Whether the process runs. A killed postmaster stays a zombie until whoever adopted it reaps it (here that took a
     * second), and a zombie counts as alive for {@link ProcessHandle#isAlive()}: so on Linux its state is read.
     */
    static boolean alive(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String line = Files.readString(stat);
                char state = line.substring(line.lastIndexOf(')') + 2).charAt(0);
                return state != 'Z' && state != 'X' && state != 'x';
            } catch (IOException | RuntimeException e) {
                return false; // gone
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private Path binaryOf(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(Path::of).orElse(null);
    }

    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static void stopQuietly(EmbeddedPostgres pg) {
        if (pg == null) return;
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Stopping the dead embedded server", e);
        }
    }

    /** No more restarts: the application is stopping (called as its context starts closing). */
    void stopWatching() {
        closed = true;
        if (watchdog != null) watchdog.interrupt();
    }

    @Override
    public void close() throws IOException {
        stopWatching();
        synchronized (lifecycle) {
            if (postgres != null) postgres.close();
        }
    }
}
