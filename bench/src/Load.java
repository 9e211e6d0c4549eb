import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * HTTP load driver of the Yewu benchmark (bench/run.sh runs it with the JDK's source launcher). Every loop is
 * bounded by a request count and a time limit; traffic goes only to the base URL given (localhost).
 * Prints Markdown table rows.
 *
 *   java bench/src/Load.java BASE latency HITS_FILE SELLER   duplicate check and list pages, one client
 *   java bench/src/Load.java BASE distribute LEADS_FILE       1,000 leads by the ranking, as the manager
 *   java bench/src/Load.java BASE create CLIENTS SECONDS      POST /api/customers from CLIENTS salespeople
 */
public class Load {

    static final String PASSWORD = "Yewu@2026";
    static final Duration VARIANT_LIMIT = Duration.ofSeconds(60);
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        switch (args[1]) {
            case "latency" -> latency(Path.of(args[2]), args[3]);
            case "distribute" -> distribute(Path.of(args[2]));
            case "create" -> create(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[1]);
        }
    }

    /**
     * A logged-in browser-like session: the SESSION cookie and the session's CSRF token, sent as {@code X-XSRF-TOKEN}
     * on writes. The token lives in the session: asked for before login ({@code GET /api/auth/csrf}) and renewed by
     * the login's answer.
     */
    static final class Session {
        final HttpClient http;
        private volatile String token;

        private Session(HttpClient http) {
            this.http = http;
        }

        static Session login(String username) throws Exception {
            Session s = new Session(HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build());
            s.token = s.fetchToken();
            HttpResponse<String> r = s.post("/api/auth/login",
                    "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", null);
            if (r.statusCode() != 200) throw new IllegalStateException("login " + username + ": " + r.statusCode() + " " + r.body());
            s.token = r.headers().firstValue("X-XSRF-TOKEN").orElse(s.fetchToken());
            return s;
        }

        private String fetchToken() throws Exception {
            String body = get("/api/auth/csrf").body();
            var m = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            if (!m.find()) throw new IllegalStateException("no CSRF token in " + body);
            return m.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json, String idempotencyKey) throws Exception {
            var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    interface Call { HttpResponse<String> call(int i) throws Exception; }

    /** Runs up to n calls one after another (after 50 unrecorded warm-up calls) and prints a table row. */
    static void series(String label, int requests, Call call, String notes) throws Exception {
        int n = requests / Integer.getInteger("bench.divide", 1); // -Dbench.divide=20 for a quick smoke run
        for (int i = 0; i < 50; i++) call.call(n + i);
        long[] nanos = new long[n];
        int done = 0, failed = 0;
        String firstFailure = null;
        long deadline = System.nanoTime() + VARIANT_LIMIT.toNanos();
        while (done < n && System.nanoTime() < deadline) {
            long t = System.nanoTime();
            HttpResponse<String> r = call.call(done);
            nanos[done++] = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                failed++;
                if (firstFailure == null) firstFailure = r.statusCode() + " " + r.body();
            }
        }
        long[] d = Arrays.copyOf(nanos, done);
        Arrays.sort(d);
        String extra = failed == 0 ? notes : notes + "; " + failed + " failed, first: " + firstFailure;
        System.out.printf("| %s | %d | %s | %s | %s | %s | %s |%n", label, done, ms(pct(d, 50)), ms(pct(d, 95)),
                ms(pct(d, 99)), ms(d[d.length - 1]), extra);
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void latency(Path hitsFile, String seller) throws Exception {
        // name|phone|city of 1,000 existing customers
        List<String[]> hits = Files.readAllLines(hitsFile).stream().map(l -> l.split("\\|")).toList();
        Session sales = Session.login(seller);
        Session manager = Session.login("manager");
        Random rnd = new Random(42);
        AtomicInteger hitsSeen = new AtomicInteger();

        // as the salesperson types a new file: four kinds of question, 500 of each, interleaved
        IntFunction<String> dupQuery = i -> {
            String[] h = hits.get(i / 4 % hits.size());
            String freshName = h[2] + "新" + i + "号商贸有限公司";
            String freshPhone = String.format("15%09d", i);
            return switch (i % 4) {
                case 0 -> "name=" + enc(h[0]);                                  // exact name of an existing file
                case 1 -> "name=" + enc(freshName) + "&phone=" + h[1];          // new name, existing mobile
                case 2 -> "name=" + enc(freshName) + "&phone=" + freshPhone;    // nothing matches
                default -> "name=" + enc(h[0].substring(0, Math.min(h[0].length(), h[2].length() + 2))); // still typing
            };
        };
        series("duplicate check (salesperson)", 2000, i -> {
            HttpResponse<String> r = sales.get("/api/customers/duplicates?" + dupQuery.apply(i));
            if (i % 4 < 2 && r.body().contains("\"matchedOn\"")) hitsSeen.incrementAndGet();
            return r;
        }, "exact name / existing mobile / no match / name prefix, 500 each");
        System.out.printf("|  |  |  |  |  |  | %d of the name and mobile hits matched (includes warm-up) |%n", hitsSeen.get());

        series("list INTENTION, salesperson (own ~4,900)", 1000,
                i -> sales.get("/api/customers?stage=INTENTION&size=20&page=" + rnd.nextInt(50)), "random page 0–49");
        series("list INTENTION, manager (department, 200 k)", 1000,
                i -> manager.get("/api/customers?stage=INTENTION&size=20&page=" + rnd.nextInt(50)), "random page 0–49");
        IntFunction<String> brand = i -> { String[] h = hits.get(i % hits.size()); return h[0].substring(h[2].length(), h[2].length() + 2); };
        IntFunction<String> brandTrade = i -> { String[] h = hits.get(i % hits.size()); return h[0].substring(h[2].length(), h[2].length() + 4); };
        series("search q=<2 chars>, salesperson", 1000,
                i -> sales.get("/api/customers?size=20&page=0&q=" + enc(brand.apply(i))), "e.g. q=恒达, page 0");
        series("search q=<2 chars>, manager", 1000,
                i -> manager.get("/api/customers?size=20&page=0&q=" + enc(brand.apply(i))), "e.g. q=恒达, page 0");
        series("search q=<4 chars>, manager", 1000,
                i -> manager.get("/api/customers?size=20&page=0&q=" + enc(brandTrade.apply(i))), "e.g. q=恒达贸易, page 0");
    }

    static void distribute(Path leadsFile) throws Exception {
        List<String> ids = Files.readAllLines(leadsFile).stream().filter(l -> !l.isBlank()).toList();
        Session manager = Session.login("manager");
        StringBuilder body = new StringBuilder("{\"assignments\":[");
        for (int i = 0; i < ids.size(); i++) body.append(i == 0 ? "" : ",").append("{\"leadId\":").append(ids.get(i)).append('}');
        body.append("]}");
        long t = System.nanoTime();
        HttpResponse<String> r = manager.post("/api/leads/distribute", body.toString(), null);
        long wall = System.nanoTime() - t;
        int assigned = r.body().split("\"leadId\"", -1).length - 1;
        System.out.printf("| distribute %d leads by ranking (manager) | 1 | %s | | | %s | wall time of one request; HTTP %d, %d assigned |%n",
                ids.size(), ms(wall), ms(wall), r.statusCode(), assigned);
    }

    static void create(int clients, int seconds) throws Exception {
        String[] cities = {"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "苏州"};
        String run = Long.toString(System.currentTimeMillis() / 1000 % 100000);
        AtomicInteger seq = new AtomicInteger();
        List<Session> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) sessions.add(Session.login(String.format("bench%02d", c + 1)));
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        long start = warmEnd, end = warmEnd + seconds * 1_000_000_000L;
        List<List<Long>> latencies = new ArrayList<>();
        AtomicInteger created = new AtomicInteger(), failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        String[] firstFailure = new String[1];
        for (Session s : sessions) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        int n = seq.incrementAndGet();
                        String city = cities[n % cities.length];
                        String json = """
                                {"name":"%s压测%s号%d商贸有限公司","city":"%s","businessFormat":"超市","contacts":[{"name":"王经理","phone":"15%09d","position":"老板"}]}"""
                                .formatted(city, run, n, city, (Long.parseLong(run) * 10000 + n) % 1_000_000_000L);
                        long t = System.nanoTime();
                        HttpResponse<String> r = s.post("/api/customers", json, UUID.randomUUID().toString());
                        long now = System.nanoTime();
                        if (t < warmEnd) continue; // the first 3 s warm up the JIT and the pool, unrecorded
                        if (now > end) break;
                        mine.add(now - t);
                        if (r.statusCode() == 201) created.incrementAndGet();
                        else if (failed.incrementAndGet() == 1) firstFailure[0] = r.statusCode() + " " + r.body();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread t : threads) t.join();
        long[] d = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        double secs = (end - start) / 1e9;
        System.out.printf("- Yewu POST /api/customers: %d created in %.0f s = %.0f per second, p50 %s ms, p95 %s ms, p99 %s ms, %d failed%s%n",
                created.get(), secs, created.get() / secs, ms(pct(d, 50)), ms(pct(d, 95)), ms(pct(d, 99)), failed.get(),
                firstFailure[0] == null ? "" : " (first: " + firstFailure[0] + ")");
    }
}
