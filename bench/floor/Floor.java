import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The machine's floor for an HTTP read (bench/floor.sh, docs/performance.md): the least a Java HTTP service can do
 * to answer with the rows of the same SQL that pgbench runs. No framework, no authentication, no validation, no
 * transaction beyond the statement's own: one servlet on embedded Tomcat (the server Yewu runs on), with as many
 * worker threads as clients, one PgJDBC connection per worker thread, the
 * statements of bench input {@code pgb/<kind>.<n>.sql} prepared on that connection, the rows written as JSON arrays.
 * A request with the query {@code ?session} first reads the session row of its {@code SESSION} cookie, as Spring
 * Session's JDBC repository does (one more round trip, no deserialisation).
 * <p>
 * Not part of Yewu: a reference point, like pgbench, run with
 * {@code java -cp postgresql.jar:tomcat-embed-core.jar Floor.java} (both from the local Maven repository).
 * Arguments: port, the pgb directory, the company id. Connection from PGHOST, PGPORT, PGUSER, PGPASSWORD; the
 * statements run as {@code yewu_app} with the company set, as pgbench does in bench/run.sh.
 */
public class Floor {

    private static final String SESSION_SQL = """
            SELECT s.primary_id, s.session_id, s.creation_time, s.last_access_time, s.max_inactive_interval,
                   sa.attribute_name, sa.attribute_bytes
            FROM spring_session s LEFT JOIN spring_session_attributes sa ON s.primary_id = sa.session_primary_id
            WHERE s.session_id = ?""";

    private static final Map<String, List<String>> SCRIPTS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Worker> WORKER = new ThreadLocal<>();
    private static String url;
    private static Properties props;

    /** One worker thread's connection and its prepared statements. */
    private record Worker(Connection connection, Map<String, PreparedStatement> statements) {
        /**
         * {@code sql} prepared on this connection. {@code asSent}: a pattern match is planned for its values every
         * time, as Yewu sends it (decision 0040) and as pgbench -M extended runs it; else prepared once.
         */
        PreparedStatement prepare(String sql, boolean asSent) throws SQLException {
            // the two scripts of a search hold the same text: kept apart, or the first prepared serves both
            String key = (asSent ? "as-sent:" : "") + sql;
            PreparedStatement ps = statements.get(key);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                if (asSent && (sql.contains("ILIKE") || sql.contains("@>"))) {
                    ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                }
                statements.put(key, ps);
            }
            return ps;
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        String company = args[2];
        int threads = Integer.parseInt(System.getenv().getOrDefault("FLOOR_THREADS", "16"));
        url = "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432") + "/" + env("PGDATABASE", "postgres");
        props = new Properties();
        props.setProperty("user", env("PGUSER", "postgres"));
        props.setProperty("password", env("PGPASSWORD", ""));
        props.setProperty("options", "-c role=yewu_app -c yewu.company_id=" + company);
        // prepared on the server from the first use, as pgbench -M prepared does
        props.setProperty("prepareThreshold", "1");
        try (var files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                String name = f.getFileName().toString();
                SCRIPTS.put(name.substring(0, name.length() - 4), statements(f));
            });
        }
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("floor").toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxThreads", String.valueOf(threads));
        connector.setProperty("minSpareThreads", String.valueOf(threads));
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "floor", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                handle(req, resp);
            }
        });
        context.addServletMappingDecoded("/*", "floor");
        tomcat.start();
        System.out.println("floor listening on " + port + " with " + SCRIPTS.size() + " scripts, " + threads + " threads");
    }

    private static void handle(HttpServletRequest ex, HttpServletResponse resp) throws IOException {
        // "/duplicates/7" -> the statements of duplicates.7.sql
        String key = ex.getRequestURI().substring(1).replace('/', '.');
        List<String> script = SCRIPTS.get(key);
        if (script == null) {
            reply(resp, 404, "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            Worker w = worker();
            StringBuilder json = new StringBuilder("[");
            boolean asSent = key.contains("-as-sent");
            if ("session".equals(ex.getQueryString())) rows(w, SESSION_SQL, sessionId(ex), false, new StringBuilder());
            for (String sql : script) rows(w, sql, null, asSent, json);
            json.append(']');
            reply(resp, 200, json.toString().getBytes(StandardCharsets.UTF_8));
        } catch (SQLException e) {
            // a worker's connection that failed is closed and opened anew on its next request
            Worker failed = WORKER.get();
            WORKER.remove();
            if (failed != null) {
                try {
                    failed.connection().close();
                } catch (SQLException ignored) {
                    // already broken
                }
            }
            reply(resp, 500, ("{\"error\":\"" + e.getMessage().replace('"', '\'') + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Worker worker() throws SQLException {
        Worker w = WORKER.get();
        if (w == null) {
            w = new Worker(DriverManager.getConnection(url, props), new HashMap<>());
            WORKER.set(w);
        }
        return w;
    }

    /** Runs {@code sql} and appends its rows to {@code json} as arrays of strings. */
    private static void rows(Worker w, String sql, String param, boolean asSent, StringBuilder json) throws SQLException {
        PreparedStatement ps = w.prepare(sql, asSent);
        if (param != null) ps.setString(1, param);
        if (!ps.execute()) return;
        try (ResultSet rs = ps.getResultSet()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                if (json.length() > 1) json.append(',');
                json.append('[');
                for (int i = 1; i <= n; i++) {
                    if (i > 1) json.append(',');
                    String v = rs.getString(i);
                    if (v == null) json.append("null");
                    else json.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                json.append(']');
            }
        }
    }

    /** The session id of the SESSION cookie (base64 of the id, as Spring Session writes it). */
    private static String sessionId(HttpServletRequest ex) {
        String cookie = ex.getHeader("Cookie");
        if (cookie == null) return "";
        for (String part : cookie.split(";")) {
            String p = part.strip();
            if (p.startsWith("SESSION=")) {
                return new String(java.util.Base64.getDecoder().decode(p.substring(8)), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void reply(HttpServletResponse resp, int status, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The statements of a pgbench script: each ends in a semicolon at a line's end; meta-commands ({@code \\set}, pipelines) left out. */
    private static List<String> statements(Path f) {
        try {
            String text = Files.readAllLines(f).stream().filter(l -> !l.startsWith("\\"))
                    .collect(Collectors.joining("\n", "", "\n"));
            return Arrays.stream(text.split(";\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
