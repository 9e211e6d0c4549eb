package io.yewu.platform.web;

import io.yewu.order.OrderFixture;
import io.yewu.platform.internal.security.EndpointAccess;
import io.yewu.platform.security.RoleCode;
import io.yewu.pricing.PricingFixture;
import io.yewu.service.TicketFixture;
import io.yewu.support.Api;
import io.yewu.support.Imports;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never becomes a 500 nor a write, on every endpoint that takes input. The endpoints come from Spring's
 * handler mappings (like {@code EndpointRoleMatrixIT}), so a new one is swept the moment it exists; each is called as a
 * role its {@code @Allow} admits, on records of the demo company that role may see. From the request type's record
 * components a plausible body is built, and then, field by field (nested lines included), hostile values replace one
 * value at a time: U+0000, 10,000 characters, wrong JSON types, numbers for dates, impossible dates, enums by position,
 * {@code [null]}, fractional and out-of-range integers, negative and huge amounts; whole bodies that are not objects;
 * import files that are empty, garbage or full of such cells; a stale version; an Idempotency-Key reused for another
 * body. The answer is never 5xx; a refusal is an RFC 9457 problem in the language asked for (zh-CN and en
 * alternate), naming the field where one field was bad; and a refused request leaves every business table as it was
 * (row count and newest row version of each, compared before and after).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT extends IntegrationTest {

    private static final String NO_SUCH_ID = "987654321";
    private static final String MARK = "@@HOSTILE@@";
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final String LONG = "长".repeat(10_000);

    /** Anonymous endpoints keep per-address quotas the JVM's other tests rely on; their input is swept by their own tests. */
    private static final List<String> NOT_SWEPT = List.of("/api/auth/", "/api/public/");

    /** The role an endpoint is called as: the first its {@code @Allow} admits (the fixtures belong to the salesperson). */
    private static final List<RoleCode> PREFERRED = List.of(RoleCode.SALESPERSON, RoleCode.GENERAL_MANAGER,
            RoleCode.FINANCE, RoleCode.CASHIER, RoleCode.FINANCE_DIRECTOR, RoleCode.SERVICE_DIRECTOR, RoleCode.SHIFT_LEAD,
            RoleCode.SERVICE_AGENT, RoleCode.QC_INSPECTOR, RoleCode.RETURN_VISIT, RoleCode.KNOWLEDGE_EDITOR,
            RoleCode.WAREHOUSE, RoleCode.MARKETING_DIRECTOR, RoleCode.BUSINESS_MANAGER, RoleCode.ADMIN);

    /** Tables no request writes for its caller's input: sessions, quotas, schedules, background bookkeeping. */
    private static final Set<String> BOOKKEEPING = Set.of("spring_session", "spring_session_attributes", "login_attempt",
            "idempotency_record", "job_run", "scheduled_tasks", "event_publication", "event_publication_archive",
            "due_task", "recurring_job", "public_ticket_quota", "duplicate_check_quota", "order_status_quota",
            "notification", "api_token", "flyway_schema_history");

    /** The table behind a path segment (the one before an id variable) or an id field ({@code customerId}). */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("orders", "sales_order"), Map.entry("order", "sales_order"), Map.entry("changes", "sales_order_change"),
            Map.entry("quotes", "quote"), Map.entry("quote", "quote"), Map.entry("quote-requests", "quote_request"),
            Map.entry("quoteRequest", "quote_request"), Map.entry("tickets", "ticket"), Map.entry("ticket", "ticket"),
            Map.entry("articles", "kb_article"), Map.entry("article", "kb_article"), Map.entry("category", "kb_category"),
            Map.entry("return-visits", "return_visit"), Map.entry("samples", "qc_sample"), Map.entry("sample", "qc_sample"),
            Map.entry("receipts", "receipt"), Map.entry("receipt", "receipt"), Map.entry("refunds", "sales_order_refund"),
            Map.entry("contracts", "contract"), Map.entry("contract", "contract"), Map.entry("price-lists", "price_list"),
            Map.entry("priceList", "price_list"), Map.entry("products", "product"), Map.entry("product", "product"),
            Map.entry("customers", "customer"), Map.entry("customer", "customer"), Map.entry("parent", "customer"),
            Map.entry("visits", "visit"), Map.entry("visit", "visit"), Map.entry("routes", "visit_route"),
            Map.entry("route", "visit_route"), Map.entry("approvals", "approval_request"), Map.entry("claims", "customer_claim"),
            Map.entry("disputes", "ownership_dispute"), Map.entry("proposals", "customer_location_proposal"),
            Map.entry("follow-ups", "follow_up"), Map.entry("invoice", "invoice"), Map.entry("department", "department"));

    @Autowired
    EndpointAccess access;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<RoleCode, Api> clients = new EnumMap<>(RoleCode.class);
    private final Map<String, Long> fixtures = new HashMap<>();
    private long company;
    private long salesperson;
    private List<String> tables;
    private int sent;
    /** The tables as the last refused request left them (the next one's "before"). */
    private List<String> last;
    private final Map<String, Integer> answers = new java.util.TreeMap<>();

    /** One user per role in sales1's department; records the salesperson owns (a customer, a released order, ...). */
    @BeforeAll
    void usersAndRecords() {
        company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        long department = asSystem(() -> jdbc.sql("SELECT department_id FROM app_user WHERE username = 'sales1'")
                .query(Long.class).single());
        for (RoleCode role : RoleCode.values()) {
            long id = addUser(company, username(role), role, "坏输入" + role.zh(), department);
            if (role == RoleCode.SALESPERSON) salesperson = id;
        }
        OrderFixture orders = new OrderFixture(jdbc);
        long customer = orders.customer(username(RoleCode.SALESPERSON), "坏输入客户", "13800001111");
        fixtures.put("customer", customer);
        fixtures.put("sales_order", orders.order(customer, "RELEASED", "PRINTED", "6000.00", "13800001111").id());
        fixtures.put("product", new PricingFixture(login("mktdir"), login("gm")).standard("100.00"));
        long ticket = TicketFixture.ticket(jdbc, username(RoleCode.SALESPERSON), "INQUIRY", Instant.now());
        asSystem(() -> jdbc.sql("UPDATE ticket SET state = 'OPEN', closed_at = NULL WHERE id = :id").param("id", ticket).update());
        fixtures.put("ticket", ticket);
        fixtures.put("return_visit", TicketFixture.visit(jdbc, ticket, Instant.now(), "DUE", null, null));
        // an article of its own: a hostile value the endpoint accepts (a long note, say) must not withdraw or redraft
        // the demo company's articles that other tests read (KnowledgeBaseIT.KB1_theDemoCompanyStartsWithPublishedArticles)
        fixtures.put("kb_article", asSystem(() -> jdbc.sql("""
                INSERT INTO kb_article (company_id, category_id, kind, title, body, state, issuing_department_id, effective_from,
                                        received_by, received_at, published_at)
                SELECT company_id, category_id, kind, '坏输入测试口径', body, state, issuing_department_id, effective_from,
                       received_by, received_at, published_at
                FROM kb_article WHERE company_id = :c AND state = 'PUBLISHED' ORDER BY id DESC LIMIT 1 RETURNING id""")
                .param("c", company).query(Long.class).single()));
        tables = asSystem(() -> jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
                .query(String.class).list()).stream().filter(t -> !BOOKKEEPING.contains(t)).toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the sweeps

    @Test
    @Order(1)
    void everyWriteEndpointRefusesHostileJsonCleanly() {
        List<String> wrong = new ArrayList<>();
        List<Target> targets = targets().stream().filter(t -> t.body() != null).toList();
        assertThat(targets).as("JSON write endpoints found").hasSizeGreaterThan(80);
        assertThat(targets.stream().map(Target::pattern)).as("the areas the sweep must cover").anySatisfy(p -> assertThat(p).startsWith("/api/orders"))
                .anySatisfy(p -> assertThat(p).startsWith("/api/quotes")).anySatisfy(p -> assertThat(p).startsWith("/api/price-lists"))
                .anySatisfy(p -> assertThat(p).startsWith("/api/receipts")).anySatisfy(p -> assertThat(p).startsWith("/api/invoices"))
                .anySatisfy(p -> assertThat(p).startsWith("/api/refunds")).anySatisfy(p -> assertThat(p).startsWith("/api/contracts"))
                .anySatisfy(p -> assertThat(p).startsWith("/api/tickets")).anySatisfy(p -> assertThat(p).startsWith("/api/return-visits"))
                .anySatisfy(p -> assertThat(p).startsWith("/api/qc/")).anySatisfy(p -> assertThat(p).startsWith("/api/kb/"));
        int cases = 0;
        for (Target t : targets) {
            String path = concrete(t.pattern());
            Object base = value(t.body(), "", path, 0);
            List<Leaf> leaves = new ArrayList<>();
            leaves(t.body(), "", new ArrayList<>(), leaves, 0);
            // whole bodies that are no object of the request type
            for (String raw : List.of("[null]", "\"x\"", "123", "null")) {
                check(t, path, raw, null, !raw.equals("null"), wrong); // no body at all is fine where the body is optional
                cases++;
            }
            for (Leaf leaf : leaves) {
                for (Hostile h : hostile(leaf.kind())) {
                    String body = Api.JSON.writeValueAsString(withMark(base, leaf.steps())).replace("\"" + MARK + "\"", h.raw());
                    check(t, path, body, leaf.path(), h.refused(), wrong);
                    cases++;
                }
            }
        }
        System.out.printf("Hostile input: %d endpoints, %d hostile bodies%n", targets.size(), cases);
        Map<String, Integer> byAnswer = new java.util.TreeMap<>(); // "METHOD pattern status code" → status and code
        answers.forEach((k, v) -> byAnswer.merge(k.split(" ", 3)[2], v, Integer::sum));
        System.out.println("  answers: " + byAnswer);
        assertThat(wrong).as("hostile input answered wrongly").isEmpty();
    }

    @Test
    @Order(2)
    void everyImportRefusesHostileFilesCleanly() throws InterruptedException {
        List<String> wrong = new ArrayList<>();
        List<Target> targets = targets().stream().filter(Target::multipart).toList();
        assertThat(targets.stream().map(Target::pattern)).as("imports are swept")
                .contains("/api/orders/import", "/api/receipts/import", "/api/price-lists/import", "/api/customers/import");
        for (Target t : targets) {
            String path = concrete(t.pattern());
            List<String> header = header(t);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("empty.csv", new byte[0]);
            files.put("garbage.xlsx", "PK\u0003\u0004 not a workbook \u0000\u0001".getBytes(StandardCharsets.ISO_8859_1));
            files.put("header-only.csv", String.join(",", header).getBytes(StandardCharsets.UTF_8));
            List<String> cells = List.of("a\u0000b", LONG, "2026-02-30", "-1", "1e20", "[null]", "99999999999999999999", "=1+1");
            for (int shift = 0; shift < cells.size(); shift++) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < header.size(); c++) {
                    if (c > 0) row.append(',');
                    row.append('"').append(cells.get((c + shift) % cells.size()).replace("\"", "\"\"")).append('"');
                }
                files.put("hostile-" + shift + ".csv", (String.join(",", header) + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                List<String> before = fingerprint();
                Api api = client(t.role()).language(sent++ % 2 == 0 ? "zh-CN" : "en");
                Api.Response r = api.upload(path, "file", file.getKey(), file.getValue());
                String what = t.method() + " " + path + " with " + file.getKey() + " as " + t.role();
                if (r.status() >= 500) {
                    wrong.add(what + " answered " + r.status() + " " + r.body());
                    continue;
                }
                if (r.status() == 202 && r.json().has("id")) {
                    Api.Response done = Imports.poll(api, r.json().path("id").asString());
                    // import-failed is the job's answer to an unexpected exception: a hostile cell must be a row error instead
                    if (done.status() >= 500 || done.body().contains("\"internal\"") || done.body().contains("import-failed")) {
                        wrong.add(what + ": the job ended " + done.body());
                    }
                }
                if (r.status() >= 400) problem(r, api, null, what, wrong);
                if (t.pattern().contains("/import")) {
                    List<String> changed = changed(before, fingerprint());
                    if (!changed.isEmpty()) wrong.add(what + " (" + r.status() + ") wrote " + changed);
                }
            }
        }
        assertThat(wrong).as("hostile files answered wrongly").isEmpty();
    }

    /** A version older than the record's is refused (409 or another 4xx), never applied. */
    @Test
    @Order(3)
    void aStaleVersionIsRefusedAndChangesNothing() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Target t : targets()) {
            if (t.body() == null || !(raw(t.body()) instanceof Class<?> c) || !c.isRecord()) continue;
            if (java.util.Arrays.stream(c.getRecordComponents()).noneMatch(rc -> rc.getName().equals("version"))) continue;
            String path = concrete(t.pattern());
            String table = pathTable(t.pattern());
            Long id = idOf(path);
            Long current = table == null || id == null ? null : version(table, id);
            if (current == null) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) value(t.body(), "", path, 0);
            body.put("version", current > 0 ? current - 1 : current + 1000);
            List<String> before = fingerprint();
            Api api = client(t.role()).language(sent++ % 2 == 0 ? "zh-CN" : "en");
            Api.Response r = api.send(t.method(), path, body);
            String what = t.method() + " " + path + " with a stale version as " + t.role();
            checked++;
            if (r.status() < 400 || r.status() >= 500) {
                wrong.add(what + " answered " + r.status() + " " + r.body());
                continue;
            }
            problem(r, api, null, what, wrong);
            List<String> changed = changed(before, fingerprint());
            if (!changed.isEmpty()) wrong.add(what + " (" + r.status() + ") wrote " + changed);
        }
        assertThat(checked).as("versioned records checked").isPositive();
        assertThat(wrong).as("stale versions answered wrongly").isEmpty();
    }

    /** The Idempotency-Key of an answered request, sent again with another body, is 422 and does not act. */
    @Test
    @Order(4)
    void anIdempotencyKeyReusedForAnotherBodyIsRefused() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Target t : targets()) {
            if (t.body() == null || !t.method().equals("POST") || t.pattern().startsWith("/api/admin/")
                    || t.pattern().startsWith("/api/group/") || t.pattern().startsWith("/api/me/")) continue;
            String path = concrete(t.pattern());
            Object base = value(t.body(), "", path, 0);
            String key = UUID.randomUUID().toString();
            Api api = client(t.role()).language(sent++ % 2 == 0 ? "zh-CN" : "en");
            Api.Response first = api.header("Idempotency-Key", key).send("POST", path, base);
            String what = "POST " + path + " as " + t.role();
            if (first.status() >= 500) wrong.add(what + " answered " + first.status() + " " + first.body());
            if (first.status() >= 300 && first.status() != 409) continue; // a refused attempt frees its key
            checked++;
            List<String> before = fingerprint();
            String other = Api.JSON.writeValueAsString(base).replaceFirst("测试", "另一个");
            if (other.equals(Api.JSON.writeValueAsString(base))) other = other.replaceFirst("}$", ",\"another\":1}");
            Api.Response again = api.header("Idempotency-Key", key).send("POST", path, other);
            if (again.status() != 422) {
                wrong.add(what + ": the key reused for another body answered " + again.status() + " " + again.body());
                continue;
            }
            problem(again, api, null, what + " (key reused)", wrong);
            List<String> changed = changed(before, fingerprint());
            if (!changed.isEmpty()) wrong.add(what + ": the key reused for another body wrote " + changed);
        }
        assertThat(checked).as("answered requests replayed with another body").isPositive();
        assertThat(wrong).as("reused idempotency keys answered wrongly").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // one request and what it must leave

    private void check(Target t, String path, String body, String field, boolean refused, List<String> wrong) {
        List<String> before = last == null ? fingerprint() : last;
        Api api = client(t.role()).language(sent++ % 2 == 0 ? "zh-CN" : "en");
        Api.Response r = api.send(t.method(), path, body);
        last = null;
        answers.merge(t.method() + " " + t.pattern() + " " + r.status() + (r.status() >= 400 ? " " + r.code() : ""), 1, Integer::sum);
        String shown = body.length() > 160 ? body.substring(0, 160) + "…" : body;
        String what = t.method() + " " + path + " " + shown + " as " + t.role();
        if (r.status() >= 500) {
            wrong.add(what + " answered " + r.status() + " " + r.body());
            return;
        }
        if (r.status() < 400) {
            if (refused) wrong.add(what + " was accepted (" + r.status() + ")");
            return; // a value this endpoint may take (a long text, a negative adjustment): what it wrote is its business
        }
        if (refused && r.status() != 400 && r.status() != 422) wrong.add(what + " answered " + r.status() + ", not 400/422");
        problem(r, api, refused ? field : null, what, wrong);
        if (r.status() == 422 && "validation".equals(r.code()) && r.json().path("errors").isEmpty()) {
            wrong.add(what + ": a validation problem without field errors " + r.body());
        }
        if (r.status() == 422 && "out-of-range".equals(r.code()) && field != null) {
            wrong.add(what + ": the database refused the value, no field named " + r.body());
        }
        last = fingerprint();
        List<String> changed = changed(before, last);
        if (!changed.isEmpty()) wrong.add(what + " (" + r.status() + ") wrote " + changed);
    }

    /** A problem (RFC 9457) in the language asked for, naming {@code field} (or a part of it) when one is given. */
    private static void problem(Api.Response r, Api api, String field, String what, List<String> wrong) {
        String type = r.headers().getOrDefault("content-type", "");
        if (!type.startsWith("application/problem+json")) {
            wrong.add(what + ": " + r.status() + " is no problem document (" + type + ") " + r.body());
            return;
        }
        JsonNode p = r.json();
        if (p.path("code").asString().isEmpty() || p.path("title").asString().isEmpty() || p.path("status").asInt() != r.status()) {
            wrong.add(what + ": an incomplete problem " + r.body());
        }
        boolean zh = !isEnglish(api);
        List<String> texts = new ArrayList<>();
        texts.add(p.path("title").asString());
        for (JsonNode e : p.path("errors")) texts.add(e.path("message").asString());
        for (String text : texts) {
            boolean han = HAN.matcher(text).find();
            // an English message may quote the value it refuses ("Unknown city: 火星"); its words are English
            if (zh ? !han : !text.matches("(?s).*[A-Za-z].*") || (text == texts.getFirst() && han)) {
                wrong.add(what + ": \"" + text + "\" is not " + (zh ? "Chinese" : "English"));
            }
        }
        if (field != null) {
            boolean named = false;
            for (JsonNode e : p.path("errors")) {
                String f = e.path("field").asString();
                if (!f.isEmpty() && (f.startsWith(field) || field.startsWith(f))) named = true;
            }
            if (!named) wrong.add(what + ": no field error on " + field + " in " + r.body());
        }
    }

    private static boolean isEnglish(Api api) {
        return api.language().startsWith("en");
    }

    /** Row count and newest row version (xmin) of every business table: any insert, update or delete moves one. */
    private List<String> fingerprint() {
        StringBuilder sql = new StringBuilder();
        for (String t : tables) {
            if (!sql.isEmpty()) sql.append(" UNION ALL ");
            sql.append("SELECT '").append(t).append(" ' || count(*) || ' ' || coalesce(max(xmin::text::bigint), 0) FROM ").append(t);
        }
        return asSystem(() -> jdbc.sql(sql.toString()).query(String.class).list());
    }

    private static List<String> changed(List<String> before, List<String> after) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) changed.add(before.get(i).split(" ")[0]);
        }
        return changed;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // endpoints, paths and ids

    record Target(String method, String pattern, RoleCode role, Type body, boolean multipart) {}

    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") || NOT_SWEPT.stream().anyMatch(pattern::startsWith)) continue;
                for (var method : info.getMethodsCondition().getMethods()) {
                    String m = method.name();
                    if (!(m.equals("POST") || m.equals("PUT") || m.equals("PATCH"))) continue;
                    EndpointAccess.Rule rule = access.rule(handler);
                    RoleCode role = PREFERRED.stream().filter(rule::admits).findFirst().orElseGet(() ->
                            java.util.Arrays.stream(RoleCode.values()).filter(rule::admits).findFirst().orElseThrow());
                    Type body = null;
                    boolean multipart = false;
                    for (MethodParameter p : handler.getMethodParameters()) {
                        if (p.hasParameterAnnotation(RequestBody.class)) body = p.getGenericParameterType();
                        if (MultipartFile.class.isAssignableFrom(p.getParameterType())) multipart = true;
                    }
                    if (body != null || multipart) targets.add(new Target(m, pattern, role, body, multipart));
                }
            }
        });
        targets.sort(Comparator.comparing(Target::pattern).thenComparing(Target::method));
        return targets;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(?::[^}]*)?}");

    /** The path with its variables filled: records the caller may see where the variable names one, else nothing. */
    private String concrete(String pattern) {
        Matcher m = VARIABLE.matcher(pattern.replace("{year:\\d{4}}", "2026"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String before = pattern.substring(0, m.start());
            String[] segments = before.split("/");
            String segment = segments.length == 0 ? "" : segments[segments.length - 1];
            String value = switch (name) {
                case "year" -> "2026";
                case "date" -> "2026-01-05";
                case "month" -> YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
                case "lineNo" -> "1";
                case "key", "job" -> "no-such-" + name;
                case "userId" -> String.valueOf(salesperson);
                default -> before.startsWith("/api/admin/") ? NO_SUCH_ID : String.valueOf(id(TABLES.get(segment)));
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The table of the last id variable of a pattern, for its version. */
    private static String pathTable(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        String table = null;
        while (m.find()) {
            String[] segments = pattern.substring(0, m.start()).split("/");
            table = TABLES.get(segments[segments.length - 1]);
        }
        return table;
    }

    private static Long idOf(String path) {
        Matcher m = Pattern.compile("/(\\d+)(?:/[a-z-]+)*$").matcher(path);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** A record of the table in the demo company: the fixture's, else the newest; an id that exists nowhere if none. */
    private long id(String table) {
        if (table == null) return Long.parseLong(NO_SUCH_ID);
        Long fixture = fixtures.get(table);
        if (fixture != null) return fixture;
        Long newest = asSystem(() -> jdbc.sql("SELECT max(id) FROM " + table + " WHERE company_id = :c")
                .param("c", company).query(Long.class).optional().orElse(null));
        return newest == null ? Long.parseLong(NO_SUCH_ID) : newest;
    }

    private Long version(String table, long id) {
        try {
            return asSystem(() -> jdbc.sql("SELECT version FROM " + table + " WHERE id = :id").param("id", id)
                    .query(Long.class).optional().orElse(null));
        } catch (RuntimeException noVersion) {
            return null;
        }
    }

    private List<String> header(Target t) {
        String template = t.pattern().replaceAll("/import(/jobs)?$", "/import/template");
        try {
            List<List<String>> rows = Xlsx.download(port, client(t.role()), template);
            if (!rows.isEmpty() && !rows.get(0).isEmpty()) return rows.get(0);
        } catch (RuntimeException | AssertionError noTemplate) {
            // an upload that is no import (a photo, a contract record): any header will do
        }
        return List.of("名称", "金额", "日期");
    }

    private Api client(RoleCode role) {
        return clients.computeIfAbsent(role, r -> login(username(r)));
    }

    private static String username(RoleCode role) {
        return "hostile-" + role.name().toLowerCase().replace('_', '-');
    }

    // ---------------------------------------------------------------------------------------------------------------
    // bodies from the request types

    enum Kind { TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, DATE_TIME, ENUM, LIST, OBJECT, OTHER }

    /** A value in a body, by the steps (member names and list positions) that reach it. */
    record Leaf(String path, List<Object> steps, Kind kind) {}

    /** A hostile JSON value and whether every endpoint must refuse it (else it may take it, but never fail on it). */
    record Hostile(String raw, boolean refused) {}

    private static List<Hostile> hostile(Kind kind) {
        String huge = "99999999999999999999";
        return switch (kind) {
            case TEXT -> List.of(new Hostile("\"a\\u0000b\"", true), new Hostile("\"" + LONG + "\"", false),
                    new Hostile("{\"a\":1}", true), new Hostile("[null]", true), new Hostile("\"   \"", false));
            case INTEGER -> List.of(new Hostile("1.5", true), new Hostile("\"12\"", true), new Hostile("1e3", true),
                    new Hostile(huge, true), new Hostile("-1", false), new Hostile("9223372036854775807", false), new Hostile("true", true));
            case DECIMAL -> List.of(new Hostile("\"abc\"", true), new Hostile("-1", false), new Hostile("-0.01", false),
                    new Hostile("1e20", false), new Hostile(huge + "." + huge, false), new Hostile("1.005", false),
                    new Hostile("{}", true));
            case BOOLEAN -> List.of(new Hostile("1", true), new Hostile("\"yes\"", true), new Hostile("{}", true));
            case DATE -> List.of(new Hostile("20000", true), new Hostile("\"2026-02-30\"", true), new Hostile("[2026,12,1]", true),
                    new Hostile("\"0001-01-01\"", false), new Hostile("\"9999-12-31\"", false), new Hostile("\"2026/12/01\"", true));
            case DATE_TIME -> List.of(new Hostile("1750000000000", true), new Hostile("\"2026-02-30T10:00:00+08:00\"", true),
                    new Hostile("\"0001-01-01T00:00:00Z\"", false), new Hostile("\"9999-12-31T23:59:59Z\"", false));
            case ENUM -> List.of(new Hostile("0", true), new Hostile("\"NO_SUCH_VALUE\"", true), new Hostile("\"\"", true));
            case LIST -> List.of(new Hostile("[null]", true), new Hostile("{}", true), new Hostile("[]", false));
            case OBJECT -> List.of(new Hostile("[null]", true), new Hostile("123", true));
            case OTHER -> List.of(new Hostile("[null]", false), new Hostile("\"a\\u0000b\"", true));
        };
    }

    private static Kind kind(Type type) {
        Class<?> c = raw(type);
        if (c == null) return Kind.OTHER;
        if (c == String.class) return Kind.TEXT;
        if (c == Long.class || c == long.class || c == Integer.class || c == int.class || c == Short.class
                || c == short.class || c == BigInteger.class) return Kind.INTEGER;
        if (c == BigDecimal.class || c == Double.class || c == double.class) return Kind.DECIMAL;
        if (c == Boolean.class || c == boolean.class) return Kind.BOOLEAN;
        if (c == LocalDate.class) return Kind.DATE;
        if (c == Instant.class || c == OffsetDateTime.class || c == LocalDateTime.class || c == ZonedDateTime.class) return Kind.DATE_TIME;
        if (c.isEnum()) return Kind.ENUM;
        if (Collection.class.isAssignableFrom(c)) return Kind.LIST;
        if (c.isRecord()) return Kind.OBJECT;
        return Kind.OTHER;
    }

    /** Every value of a body of {@code type}: its members, and the first element of its lists, at any depth. */
    private static void leaves(Type type, String path, List<Object> steps, List<Leaf> out, int depth) {
        Class<?> c = raw(type);
        if (c == null || depth > 4) return;
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                String at = path.isEmpty() ? rc.getName() : path + "." + rc.getName();
                List<Object> next = new ArrayList<>(steps);
                next.add(rc.getName());
                out.add(new Leaf(at, next, kind(rc.getGenericType())));
                leaves(rc.getGenericType(), at, next, out, depth + 1);
            }
        } else if (Collection.class.isAssignableFrom(c) && type instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            List<Object> next = new ArrayList<>(steps);
            next.add(0);
            out.add(new Leaf(path + "[0]", next, kind(element)));
            leaves(element, path + "[0]", next, out, depth + 1);
        }
    }

    /** A plausible value of {@code type} for a member {@code name}: ids of records the caller may see. */
    private Object value(Type type, String name, String path, int depth) {
        Class<?> c = raw(type);
        if (c == null) return null;
        if (c.isRecord()) {
            if (depth > 4) return null;
            Map<String, Object> object = new LinkedHashMap<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                object.put(rc.getName(), value(rc.getGenericType(), rc.getName(), path, depth + 1));
            }
            return object;
        }
        if (Collection.class.isAssignableFrom(c)) {
            if (!(type instanceof ParameterizedType p)) return List.of();
            String singular = name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
            Object element = value(p.getActualTypeArguments()[0], singular, path, depth + 1);
            return element == null ? List.of() : List.of(element);
        }
        return switch (kind(type)) {
            case TEXT -> text(name, path);
            case INTEGER -> {
                Object id = integer(name, path);
                yield id == null && c.isPrimitive() ? Long.parseLong(NO_SUCH_ID) : id;
            }
            case DECIMAL -> switch (name) {
                case "lat" -> "23.13";
                case "lng" -> "113.26";
                default -> name.toLowerCase().contains("rate") || name.toLowerCase().contains("share") ? "0.10" : "100.00";
            };
            case BOOLEAN -> false;
            case DATE -> LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            case DATE_TIME -> c == LocalDateTime.class ? LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).toString()
                    : OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).toString();
            case ENUM -> ((Enum<?>) c.getEnumConstants()[0]).name();
            default -> c == YearMonth.class ? YearMonth.now(ZoneId.of("Asia/Shanghai")).toString()
                    : c == LocalTime.class ? "09:00" : null;
        };
    }

    /** Codes the services check (by the field's name, or the endpoint's segment and the field's name). */
    private static final Map<String, String> CODES = Map.ofEntries(Map.entry("kind", "PHONE"),
            Map.entry("products.kind", "STANDARD"), Map.entry("channel", "PHONE"), Map.entry("type", "INQUIRY"),
            Map.entry("requesterKind", "PROSPECT"), Map.entry("severity", "LOW"), Map.entry("method", "BANK"),
            Map.entry("outcome", "REACHED"), Map.entry("shift", "DAY"), Map.entry("paymentMode", "PAY_BEFORE_SHIPMENT"),
            Map.entry("locale", "en"));

    private static String text(String name, String path) {
        String[] segments = path.replaceAll("/\\d+", "").split("/");
        String code = CODES.get(segments[segments.length - 1] + "." + name);
        if (code == null) code = CODES.get(name);
        if (code != null) return code;
        String n = name.toLowerCase();
        if (n.contains("creditcode")) return null;
        if (n.contains("phone") || n.contains("mobile")) return "13800001111";
        if (n.contains("city")) return "广州市";
        if (n.contains("email")) return "hostile@example.com";
        if (n.equals("month")) return YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        return "测试";
    }

    private Object integer(String name, String path) {
        if (name.equals("version")) {
            String table = null;
            Matcher m = Pattern.compile("/api/(?:[a-z-]+/)*?([a-z-]+)/(\\d+)").matcher(path);
            while (m.find()) table = TABLES.get(m.group(1));
            Long id = idOf(path);
            Long v = table == null || id == null ? null : version(table, id);
            return v == null ? 0 : v;
        }
        if (!name.endsWith("Id")) return name.toLowerCase().contains("score") || name.toLowerCase().contains("satisfaction") ? 5 : 1;
        String entity = name.substring(0, name.length() - 2);
        String n = entity.toLowerCase();
        if (n.contains("user") || n.contains("owner") || n.contains("assignee") || n.contains("delegate") || n.startsWith("to")
                || n.contains("agent") || n.contains("sales")) return salesperson;
        long id = id(TABLES.get(entity));
        return id == Long.parseLong(NO_SUCH_ID) ? null : id; // an optional reference to nothing is left out
    }

    /** A copy of the body with the value the steps reach replaced by the mark (lists and objects created on the way). */
    @SuppressWarnings("unchecked")
    private static Object withMark(Object base, List<Object> steps) {
        Object copy = Api.JSON.readValue(Api.JSON.writeValueAsString(base), Object.class);
        if (copy == null) copy = new LinkedHashMap<String, Object>();
        Object node = copy;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            Object next = steps.size() > i + 1 ? steps.get(i + 1) : null;
            if (step instanceof String member && node instanceof Map<?, ?> map) {
                Map<String, Object> m = (Map<String, Object>) map;
                if (last) m.put(member, MARK);
                else {
                    if (!(m.get(member) instanceof Map || m.get(member) instanceof List)) {
                        m.put(member, next instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
                    }
                    node = m.get(member);
                }
            } else if (node instanceof List<?> list) {
                List<Object> l = (List<Object>) list;
                if (l.isEmpty()) l.add(next instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>());
                if (last) l.set(0, MARK);
                else {
                    if (!(l.get(0) instanceof Map || l.get(0) instanceof List)) l.set(0, new LinkedHashMap<>());
                    node = l.get(0);
                }
            }
        }
        return copy;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        if (type instanceof WildcardType w) return raw(w.getUpperBounds()[0]);
        return null;
    }
}
