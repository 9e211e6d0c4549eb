import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issue 9's bulk figures against a running Yewu (bench/bulk.sh starts it), loopback only:
 * <pre>
 *   java -cp 'target/yewu/lib/*' bench/src/Bulk.java BASE xlsx FILE ROWS     writes a customer file of ROWS rows
 *   java -cp 'target/yewu/lib/*' bench/src/Bulk.java BASE import FILE        imports it as the business manager
 *   java -cp 'target/yewu/lib/*' bench/src/Bulk.java BASE distribute N       distributes N pooled leads by ranking
 *   java -cp 'target/yewu/lib/*' bench/src/Bulk.java BASE pool               one pool page of 200 leads
 * </pre>
 * Each prints one line: what, wall milliseconds, HTTP status and the answer's counts.
 */
public class Bulk {

    static final String PASSWORD = "Yewu@2026";
    static String base;
    static final String[] CITIES = {"广州", "深圳", "佛山", "东莞", "杭州", "上海", "北京", "成都"};

    public static void main(String[] args) throws Exception {
        base = args[0];
        switch (args[1]) {
            case "xlsx" -> xlsx(Path.of(args[2]), Integer.parseInt(args[3]));
            case "import" -> importFile(Path.of(args[2]));
            case "distribute" -> distribute(Integer.parseInt(args[2]));
            case "pool" -> pool();
            default -> throw new IllegalArgumentException(args[1]);
        }
    }

    /** Unique names and mobiles per run (a run tag), so the file never collides with an earlier import. */
    static void xlsx(Path file, int rows) throws Exception {
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        long mobileBase = 15_000_000_000L + (System.currentTimeMillis() / 1000 % 800) * 1_000_000L;
        try (var out = Files.newOutputStream(file); Workbook wb = new Workbook(out, "Yewu bench", "1.0")) {
            Worksheet ws = wb.newWorksheet("客户");
            String[] headers = {"客户名称", "城市", "地址", "联系人", "电话", "邮箱", "产品类别", "标签"};
            for (int c = 0; c < headers.length; c++) ws.value(0, c, headers[c]);
            for (int r = 1; r <= rows; r++) {
                ws.value(r, 0, "批量导入" + tag + "商贸" + r + "号");
                ws.value(r, 1, CITIES[r % CITIES.length]);
                ws.value(r, 2, "工业大道" + r + "号");
                ws.value(r, 3, "联系人" + r);
                ws.value(r, 4, String.valueOf(mobileBase + r));
                ws.value(r, 5, "c" + tag + r + "@example.cn");
                ws.value(r, 6, r % 2 == 0 ? "饮料" : "食品");
                ws.value(r, 7, "批量;导入");
                if (r % 10_000 == 0) ws.flush();
            }
        }
        System.out.println("xlsx " + rows + " rows: " + file + " (" + Files.size(file) / 1024 + " KiB)");
    }

    static void importFile(Path file) throws Exception {
        Session s = Session.login("manager");
        String boundary = "----yewu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"customers.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long t = System.nanoTime();
        HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(URI.create(base + "/api/customers/import?mode=VALID_ROWS"))
                .timeout(Duration.ofMinutes(10)).header("X-XSRF-TOKEN", s.token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t) / 1_000_000;
        String counts = r.body().length() > 200 ? r.body().substring(0, 200) : r.body();
        System.out.println("import " + file.getFileName() + ": " + ms + " ms, HTTP " + r.statusCode() + ", " + counts);
    }

    static List<Long> poolIds(Session s, int n) throws Exception {
        List<Long> ids = new ArrayList<>();
        var id = Pattern.compile("\"lead\":\\{\"id\":(\\d+)");
        for (int page = 0; ids.size() < n; page++) {
            var m = id.matcher(s.get("/api/leads/pool?size=200&page=" + page).body());
            int before = ids.size();
            while (m.find() && ids.size() < n) ids.add(Long.parseLong(m.group(1)));
            if (ids.size() == before) throw new IllegalStateException("only " + ids.size() + " leads in the pool");
        }
        return ids;
    }

    static void distribute(int n) throws Exception {
        Session s = Session.login("manager");
        List<Long> ids = poolIds(s, n);
        StringBuilder json = new StringBuilder("{\"assignments\":[");
        for (int i = 0; i < ids.size(); i++) json.append(i == 0 ? "" : ",").append("{\"leadId\":").append(ids.get(i)).append('}');
        json.append("]}");
        long t = System.nanoTime();
        HttpResponse<String> r = s.post("/api/leads/distribute", json.toString());
        long ms = (System.nanoTime() - t) / 1_000_000;
        int assigned = r.body().split("\"leadId\"", -1).length - 1;
        System.out.println("distribute " + n + " leads: " + ms + " ms, HTTP " + r.statusCode() + ", " + assigned + " assigned");
    }

    static void pool() throws Exception {
        Session s = Session.login("manager");
        s.get("/api/leads/pool?size=200");
        long t = System.nanoTime();
        HttpResponse<String> r = s.get("/api/leads/pool?size=200&page=1");
        System.out.println("pool page of 200 leads: " + (System.nanoTime() - t) / 1_000_000 + " ms, HTTP " + r.statusCode());
    }

    /** A logged-in session: cookie and CSRF token (as bench/src/Load.java). */
    static final class Session {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token;

        static Session login(String username) throws Exception {
            Session s = new Session();
            var m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(s.get("/api/auth/csrf").body());
            if (!m.find()) throw new IllegalStateException("no CSRF token");
            s.token = m.group(1);
            HttpResponse<String> r = s.post("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
            if (r.statusCode() != 200) throw new IllegalStateException("login " + r.statusCode() + " " + r.body());
            s.token = r.headers().firstValue("X-XSRF-TOKEN").orElse(s.token);
            return s;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
