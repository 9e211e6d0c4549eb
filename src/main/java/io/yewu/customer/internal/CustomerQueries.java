package io.yewu.customer.internal;

import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.read.OneTrip;
import io.yewu.platform.read.Reads;
import io.yewu.platform.security.HiddenFields;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Reads customer files through {@link CustomerAccess}: lists, the detail page and exports apply the same
 * visibility in SQL, and contacts outside the reader's scope come back masked (CUS-16).
 */
@Component
public class CustomerQueries {

    /** List filters; {@code enteredToday} keeps the files the reader entered since midnight (lead entry page). */
    public record Filter(String q, String stage, Long ownerId, String city, String source, Boolean keyAccount, String tag,
                         Boolean pool, Boolean enteredToday) {}

    public record Row(long id, String name, String city, String stage, String source, Long ownerId, String ownerName,
                      boolean keyAccount, String phone, OffsetDateTime lastFollowUpAt, OffsetDateTime createdAt) {}

    public record Contact(long id, String name, String phone, String email, String position) {}

    public record Customer(long id, String name, String creditCode, String city, String address, String businessFormat,
                           String customerClass, boolean keyAccount, Long parentId, String parentName, String source,
                           String stage, Long ownerId, String ownerName, Long departmentId, String productCategory,
                           Integer creditTermDays, BigDecimal creditLimit, String invoiceTitle, String taxId,
                           String bankName, String bankAccount, String notes, List<String> tags, List<Contact> contacts,
                           OffsetDateTime firstContactDue, OffsetDateTime firstContactedAt, OffsetDateTime lastFollowUpAt,
                           LocalDate intentionOn, OffsetDateTime createdAt, long version, boolean inScope) {}

    public record FollowUp(long id, String kind, OffsetDateTime happenedAt, String content, String nextStep,
                           LocalDate nextFollowUpOn, String authorName) {}

    /** A period of ownership with the decisions that started and (CUS-9) ended it, for "为什么?" (PLT-1). */
    public record OwnershipPeriod(long ownerId, String ownerName, OffsetDateTime validFrom, OffsetDateTime validTo,
                                  String reason, StoredDecision decision, StoredDecision endDecision) {}

    /** A claim with the CUS-6 decision that kept the file with its owner ("为什么?"). */
    public record Claim(long id, long customerId, String customerName, long claimantId, String claimantName, Long ownerId,
                        String ownerName, String attemptedName, String matchedOn, String status, OffsetDateTime createdAt,
                        Long disputeId, StoredDecision decision) {

        Claim withDecision(StoredDecision d) {
            return new Claim(id, customerId, customerName, claimantId, claimantName, ownerId, ownerName, attemptedName,
                    matchedOn, status, createdAt, disputeId, d);
        }
    }

    public record ChangeRequest(long id, Object changes, Object creditInvestigation, String status, String requestedByName,
                                OffsetDateTime createdAt, OffsetDateTime decidedAt, Object decision) {}

    public record Detail(Customer customer, List<FollowUp> followUps, List<OwnershipPeriod> ownership, List<Claim> claims,
                         List<Object> decisions, List<ChangeRequest> changeRequests) {}

    private static final Map<String, String> SORTS = Map.of("name", "c.name", "createdAt", "c.created_at",
            "lastFollowUpAt", "c.last_follow_up_at", "city", "c.city", "stage", "c.stage");

    private static final String ROW_SELECT = """
            SELECT c.id, c.name, c.city, c.stage, c.source, c.owner_id, u.display_name AS owner_name, c.key_account,
                   (SELECT cc.phone FROM customer_contact cc WHERE cc.company_id = c.company_id AND cc.customer_id = c.id
                      AND cc.phone <> '' ORDER BY cc.id LIMIT 1) AS phone,
                   c.last_follow_up_at, c.created_at, %s AS in_scope
            """;

    private final JdbcClient jdbc;
    private final DecisionRecords decisions;
    private final JsonMapper json;
    private final NameSearch nameSearch;
    private final Reads reads;

    CustomerQueries(JdbcClient jdbc, DecisionRecords decisions, JsonMapper json, NameSearch nameSearch, Reads reads) {
        this.reads = reads;
        this.nameSearch = nameSearch;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.json = json;
    }

    public Page<Row> list(YewuPrincipal user, Filter f, PageQuery page) {
        CustomerAccess access = CustomerAccess.of(user, "c");
        Map<String, Object> params = new HashMap<>(access.params());
        NameSearch.Match search = search(access, f, params);
        String fromWhere = " FROM customer c WHERE " + where(access, f, params, search == null ? null : search.condition());
        // outside the pool the condition itself keeps to the reader's scope, so every row shown is in it
        String inScope = Boolean.TRUE.equals(f.pool()) ? access.inScopeSql() : "TRUE";
        String order = page.orderBy(SORTS, "c.id DESC");
        LongSupplier total = Page.cappedCount(jdbc, fromWhere, params);
        if (search != null) {
            List<Matched> shown = jdbc.sql(searchPageSql(inScope, fromWhere, order))
                    .params(params).param("limit", page.size()).param("offset", page.offset())
                    .query((rs, n) -> new Matched(row(rs, n), rs.getLong("matched_count"))).list();
            List<Row> rows = shown.stream().map(Matched::row).toList();
            // an empty page: nothing matched, or past the matches found (the count tells which: past the cap, the
            // ordered walk below still has the page)
            long matched = !shown.isEmpty() ? shown.getFirst().count() : page.offset() == 0 ? 0 : total.getAsLong();
            if (search.complete() && matched <= Page.COUNT_CAP) return Page.of(rows, page, matched);
            // more matches than the cap (the count is known: the page comes from the ordered walk below), or
            // candidates that reached their own cap (decision 0038): then the page, and the count unless the
            // candidates already tell "more than the cap", come from the plain condition, walked in the page's order
            boolean overCap = matched > Page.COUNT_CAP;
            if (!search.complete()) {
                String plain = " FROM customer c WHERE " + where(access, f, params, search.plain());
                return nameSearch.walking(() -> {
                    List<Row> page0 = jdbc.sql(pageSql(inScope, plain, order)).params(params)
                            .param("limit", page.size()).param("offset", page.offset()).query(CustomerQueries::row).list();
                    return Page.of(page0, page, overCap ? () -> Page.COUNT_CAP + 1 : Page.cappedCount(jdbc, plain, params));
                });
            }
            total = () -> Page.COUNT_CAP + 1;
        }
        List<Matched> walked = jdbc.sql(walkedPageSql(inScope, fromWhere, order)).params(params)
                .param("walk", Math.max(page.offset() + page.size(), Page.COUNT_CAP + 1))
                .param("first", page.offset()).param("last", page.offset() + page.size())
                .query((rs, n) -> new Matched(row(rs, n), rs.getLong("walked_count"))).list();
        // an empty page past the first has no row to carry the count: the list ended before it (rare), counted apart
        if (walked.isEmpty()) return Page.of(List.of(), page, total);
        long found = walked.getFirst().count();
        return Page.of(walked.stream().map(Matched::row).toList(), page, () -> found);
    }

    /**
     * A page of the list and its capped count from one ordered walk (decision 0052): the files in the page's order,
     * numbered, up to the page's end or one past {@link Page#COUNT_CAP}, whichever is further; the page is the
     * numbers {@code :first < n <= :last} of it, joined to their owners and first phones, and every row carries how
     * many files the walk found ({@code walked_count}: fewer than {@code :walk} is the exact total, {@code :walk}
     * means more than the cap). One statement planned and one walk, where the page and its count were two of each.
     */
    static String walkedPageSql(String inScopeSql, String fromWhere, String order) {
        return "WITH walked AS MATERIALIZED (SELECT c.id, row_number() OVER (ORDER BY " + order + ") AS n" + fromWhere
                + " ORDER BY " + order + " LIMIT :walk) " + ROW_SELECT.formatted(inScopeSql)
                + ", (SELECT count(*) FROM walked) AS walked_count"
                + " FROM walked" + SHOWN_JOINED + " WHERE shown.n > :first AND shown.n <= :last ORDER BY shown.n";
    }

    /**
     * A page of the list: the page's ids first (an index walk past the offset), then its rows with their owner and
     * first phone, so the phone look-up and the owner's name are made for the rows shown, not for every row skipped
     * (decision 0045). {@code order} must end in a unique key (PageQuery.orderBy ends in {@code c.id}).
     */
    static String pageSql(String inScopeSql, String fromWhere, String order) {
        return ROW_SELECT.formatted(inScopeSql) + " FROM (SELECT c.id" + fromWhere + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset)" + SHOWN + order;
    }

    /**
     * A page of a search, which matches few files: one statement finds them (up to one past {@link Page#COUNT_CAP}),
     * counts them ({@code matched_count} on every row) and shows the page from them, so the name is looked up once,
     * not once for the page and again for the count (decision 0045). Right only when {@code matched_count} is within
     * the cap; past it the caller reads the page with {@link #pageSql}.
     */
    static String searchPageSql(String inScopeSql, String fromWhere, String order) {
        return "WITH matched AS MATERIALIZED (SELECT " + MATCHED_COLUMNS + fromWhere + " LIMIT " + (Page.COUNT_CAP + 1)
                + ") " + ROW_SELECT.formatted(inScopeSql) + ", (SELECT count(*) FROM matched) AS matched_count"
                + " FROM (SELECT c.id FROM matched c ORDER BY " + order + " LIMIT :limit OFFSET :offset)" + SHOWN + order;
    }

    /** The page's ids joined to their files and owners, in the page's order. */
    private static final String SHOWN_JOINED = " shown JOIN customer c ON c.id = shown.id"
            + " LEFT JOIN app_user u ON u.id = c.owner_id";
    private static final String SHOWN = SHOWN_JOINED + " ORDER BY ";

    /** What a search's matches keep: the id and every column a page may be sorted by. */
    private static final String MATCHED_COLUMNS = "c.id, " + String.join(", ", new TreeSet<>(SORTS.values()));

    /** A row of a page with the number of files its search matched or its walk found (up to one past the cap). */
    private record Matched(Row row, long count) {}

    public void export(YewuPrincipal user, Filter f, Consumer<Row> sink) {
        CustomerAccess access = CustomerAccess.of(user, "c");
        Map<String, Object> params = new HashMap<>(access.params());
        NameSearch.Match search = search(access, f, params);
        String name = search == null ? null : search.complete() ? search.condition() : search.plain();
        try (var rows = jdbc.sql(ROW_SELECT.formatted(access.inScopeSql()) + " FROM customer c LEFT JOIN app_user u"
                        + " ON u.id = c.owner_id WHERE " + where(access, f, params, name) + " ORDER BY c.id DESC")
                .params(params).query(CustomerQueries::row).stream()) {
            rows.forEach(sink);
        }
    }

    /** The file as the reader may see it; 404 outside their visibility (PLT-5). */
    public Customer customer(YewuPrincipal user, long id) {
        return customer(user, id, false);
    }

    /**
     * The file as the reader may see it, with every part shown: for a change request an agent files on the customer's
     * behalf (CUS-15 from SVC-1), whose old values go to the approver, never back to the agent.
     */
    Customer customer(YewuPrincipal user, long id, boolean unmasked) {
        CustomerAccess access = CustomerAccess.of(user, "c");
        OneTrip trip = reads.trip(fileParams(user, access, id));
        FileParts file = fileParts(trip, access, unmasked ? java.util.Set.of() : access.hidden());
        trip.run();
        return file.customer(id);
    }

    /** The file and its contacts, as two parts of one trip (decision 0050). */
    private record FileParts(OneTrip.Rows<Customer> file, OneTrip.Rows<Contact> contacts) {
        /** The file with its contacts; 404 when the reader may not see it. */
        Customer customer(long id) {
            return withContacts(file.optional().orElseThrow(() -> ProblemException.notFound("customer " + id)), contacts.list());
        }
    }

    private static FileParts fileParts(OneTrip trip, CustomerAccess access, Set<CustomerFields.Part> hidden) {
        return new FileParts(trip.add(fileSql(access, "customer") + " WHERE c.id = :id AND " + access.visibleSql(),
                (rs, n) -> customer(rs, hidden)), trip.add(CONTACTS, Contact.class));
    }

    /** The reader's scope parameters with the company {@code :c} and the file {@code :id}. */
    private static Map<String, Object> fileParams(YewuPrincipal user, CustomerAccess access, long id) {
        Map<String, Object> p = new HashMap<>(access.params());
        p.put("c", user.companyId());
        p.put("id", id);
        return p;
    }

    /**
     * The file's columns as the reader sees them — its owner's and parent's names and whether it is in the reader's
     * scope — read from {@code rows} (aliased {@code c}): the customer table, or the rows a statement has just
     * inserted ({@link CustomerFiling} answers a filing from what it wrote, without reading the file back).
     * Mapped by {@link #customer(ResultSet, Set)}.
     */
    static String fileSql(CustomerAccess access, String rows) {
        return """
                SELECT c.*, u.display_name AS owner_name, p.name AS parent_name, %s AS in_scope
                FROM %s c LEFT JOIN app_user u ON u.id = c.owner_id
                LEFT JOIN customer p ON p.company_id = c.company_id AND p.id = c.parent_id""".formatted(access.inScopeSql(), rows);
    }

    /**
     * The file with everything its page shows, read in one round trip (decision 0050): the file as the reader may see
     * it, its contacts, and — only shown when the file is in the reader's scope — its follow-ups, ownership periods,
     * claims, decisions and change requests. 404 when the file is outside the reader's visibility (PLT-5); the parts
     * read with it are then dropped unseen. The claims' decisions take a second trip, only when there are claims.
     */
    public Detail detail(YewuPrincipal user, long id) {
        CustomerAccess access = CustomerAccess.of(user, "c");
        Map<String, Object> p = fileParams(user, access, id);
        p.put("limit", PageQuery.MAX_SIZE);
        p.put("offset", 0);
        Set<String> hidden = CustomerFields.hiddenNames(user);
        OneTrip trip = reads.trip(p);
        FileParts file = fileParts(trip, access, access.hidden());
        OneTrip.Rows<FollowUp> followUps = trip.add("""
                SELECT f.id, f.kind, f.happened_at, f.content, f.next_step, f.next_follow_up_on, u.display_name AS author_name
                FROM follow_up f JOIN app_user u ON u.id = f.author_id
                WHERE f.company_id = :c AND f.customer_id = :id ORDER BY f.happened_at DESC LIMIT 100""", FollowUp.class);
        OneTrip.Rows<OwnershipPeriod> ownership = trip.add("""
                SELECT o.owner_id, u.display_name AS owner_name, o.valid_from, o.valid_to, o.reason,
                       o.decision::text AS decision, o.end_decision::text AS end_decision, o.recorded_at
                FROM customer_ownership o JOIN app_user u ON u.id = o.owner_id
                WHERE o.company_id = :c AND o.customer_id = :id ORDER BY o.valid_from DESC""",
                (rs, n) -> new OwnershipPeriod(rs.getLong("owner_id"), rs.getString("owner_name"),
                        rs.getObject("valid_from", OffsetDateTime.class), rs.getObject("valid_to", OffsetDateTime.class),
                        rs.getString("reason"), storedDecision(rs.getString("decision"), rs.getObject("recorded_at", OffsetDateTime.class)),
                        storedDecision(rs.getString("end_decision"), rs.getObject("valid_to", OffsetDateTime.class))));
        OneTrip.Rows<Claim> claims = trip.add(claimSql("cl.customer_id = :id"), Claim.class);
        OneTrip.Rows<StoredDecision> stored = decisions.forSubject(trip, "customer", String.valueOf(id));
        OneTrip.Rows<ChangeRequest> requests = trip.add("""
                SELECT r.id, r.changes::text AS changes, r.credit_investigation::text AS credit_investigation, r.status,
                       u.display_name AS requested_by_name, r.created_at, r.decided_at, r.decision::text AS decision
                FROM customer_change_request r JOIN app_user u ON u.id = r.requested_by
                WHERE r.company_id = :c AND r.customer_id = :id ORDER BY r.created_at DESC""",
                (rs, n) -> new ChangeRequest(rs.getLong("id"), HiddenFields.strip(parse(rs.getString("changes")), hidden),
                        hidden.contains("creditInvestigation") ? null : parse(rs.getString("credit_investigation")),
                        rs.getString("status"), rs.getString("requested_by_name"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
                        HiddenFields.strip(parse(rs.getString("decision")), hidden)));
        trip.run();
        Customer c = file.customer(id);
        boolean in = c.inScope();
        return new Detail(c, in ? followUps.list() : List.of(), ownership.list(), withDecisions(claims.list()),
                in ? stored.list().stream().map(d -> HiddenFields.strip(json.convertValue(d, Object.class), hidden)).toList() : List.of(),
                in ? requests.list() : List.of());
    }

    private static final String CONTACTS = """
            SELECT id, name, phone, email, position FROM customer_contact
            WHERE company_id = :c AND customer_id = :id ORDER BY id""";

    /** A decision kept as JSON beside an ownership period, read back as a stored decision; null when there is none. */
    private StoredDecision storedDecision(String jsonText, OffsetDateTime at) {
        if (jsonText == null) return null;
        var node = json.readTree(jsonText);
        var outcome = node.path("outcome");
        List<RuleHit> hits = json.readValue(node.path("hits").toString(), new tools.jackson.core.type.TypeReference<List<RuleHit>>() {});
        return new StoredDecision(null, outcome.isString() ? outcome.asString() : outcome.toString(), hits,
                node.path("settingsVersion").asLong(), at);
    }

    private Object parse(String jsonText) {
        return jsonText == null ? null : json.readValue(jsonText, Object.class);
    }

    List<Claim> claims(String where, Map<String, Object> params) {
        return claims(where, params, new PageQuery(0, PageQuery.MAX_SIZE, null)).items();
    }

    /** The claims on each of many customers (a page of leads), by customer, newest first; one query for all. */
    Map<Long, List<Claim>> claimsOf(long companyId, List<Long> customerIds) {
        if (customerIds.isEmpty()) return Map.of();
        return claimRows("cl.customer_id IN (:ids)", Map.of("c", companyId, "ids", customerIds),
                PageQuery.MAX_SIZE * customerIds.size(), 0).stream()
                .collect(java.util.stream.Collectors.groupingBy(Claim::customerId));
    }

    /** Claims matching a condition over {@code cl} (customer_claim), newest first, a page at a time. */
    Page<Claim> claims(String where, Map<String, Object> params, PageQuery page) {
        String fromWhere = " FROM customer_claim cl WHERE cl.company_id = :c AND " + where;
        List<Claim> rows = claimRows(where, params, page.size(), page.offset());
        return Page.of(rows, page, Page.cappedCount(jdbc, fromWhere, params));
    }

    private List<Claim> claimRows(String where, Map<String, Object> params, int limit, int offset) {
        return withDecisions(jdbc.sql(claimSql(where)).params(params).param("limit", limit).param("offset", offset)
                .query(Claim.class).list());
    }

    /** Claims matching a condition over {@code cl}, newest first, a page by {@code :limit} and {@code :offset}. */
    private static String claimSql(String where) {
        return """
                SELECT cl.id, cl.customer_id, c.name AS customer_name, cl.claimant_id, cu.display_name AS claimant_name,
                       cl.owner_id, ou.display_name AS owner_name, cl.attempted_name, cl.matched_on, cl.status, cl.created_at,
                       (SELECT d.id FROM ownership_dispute d WHERE d.company_id = cl.company_id AND d.claim_id = cl.id
                        ORDER BY d.id DESC LIMIT 1) AS dispute_id, NULL AS decision
                FROM customer_claim cl JOIN customer c ON c.company_id = cl.company_id AND c.id = cl.customer_id
                JOIN app_user cu ON cu.id = cl.claimant_id LEFT JOIN app_user ou ON ou.id = cl.owner_id
                WHERE cl.company_id = :c AND %s ORDER BY cl.created_at DESC, cl.id DESC LIMIT :limit OFFSET :offset""".formatted(where);
    }

    /** The claims with the ownership decision each was answered with (one query, none when there are no claims). */
    private List<Claim> withDecisions(List<Claim> rows) {
        var why = decisions.latestFor("customer-claim", rows.stream().map(r -> String.valueOf(r.id())).toList(), "ownership");
        return rows.stream().map(r -> r.withDecision(why.get(String.valueOf(r.id())))).toList();
    }

    /** The file with its contacts, masked where the file is outside the reader's scope. */
    static Customer withContacts(Customer c, List<Contact> contacts) {
        if (!c.inScope()) {
            contacts = contacts.stream().map(k -> new Contact(k.id(), k.name(), CustomerKeys.maskPhone(k.phone()),
                    CustomerKeys.maskEmail(k.email()), k.position())).toList();
        }
        return new Customer(c.id(), c.name(), c.creditCode(), c.city(), c.address(), c.businessFormat(), c.customerClass(),
                c.keyAccount(), c.parentId(), c.parentName(), c.source(), c.stage(), c.ownerId(), c.ownerName(),
                c.departmentId(), c.productCategory(), c.creditTermDays(), c.creditLimit(), c.invoiceTitle(), c.taxId(),
                c.bankName(), c.bankAccount(), c.notes(), c.tags(), contacts, c.firstContactDue(), c.firstContactedAt(),
                c.lastFollowUpAt(), c.intentionOn(), c.createdAt(), c.version(), c.inScope());
    }

    /**
     * How the list's text {@code q} finds files ({@code null}: no text): a whole phone by its key, one character by the
     * name alone, two or more through the name's index ({@link NameSearch}).
     */
    private NameSearch.Match search(CustomerAccess access, Filter f, Map<String, Object> params) {
        if (f.q() == null || f.q().isBlank()) return null;
        String q = f.q().strip();
        var phone = CustomerKeys.phone(q);
        if (phone.isPresent()) {
            params.put("qPhone", phone.get());
            String byKey = "c.id IN (SELECT customer_id FROM customer_key WHERE company_id = :accessCompanyId AND kind = 'PHONE' AND value = :qPhone)";
            return NameSearch.Match.exact(byKey);
        }
        if (q.length() >= 2) return nameSearch.match("c", q, params, NameSearch.LIST_IDS, access.ownersSql());
        params.put("namePattern", NameSearch.pattern(q));
        return NameSearch.Match.exact("c.name ILIKE :namePattern");
    }

    /**
     * The list's condition on its files {@code c}, its parameters put in {@code params}; {@code searchSql} the text's
     * condition from {@link #search} (or null).
     */
    private String where(CustomerAccess access, Filter f, Map<String, Object> params, String searchSql) {
        // the list is the reader's own book; the pool (pool=true) is a separate view, masked for salespeople
        StringBuilder sql = new StringBuilder()
                .append(Boolean.TRUE.equals(f.pool()) ? access.visibleSql() : access.inScopeSql());
        if (searchSql != null) sql.append(" AND ").append(searchSql);
        eq(sql, params, "c.stage", "stage", f.stage());
        eq(sql, params, "c.owner_id", "ownerId", f.ownerId());
        eq(sql, params, "c.city", "city", f.city() == null ? null : Cities.canonical(f.city()).orElse(f.city()));
        eq(sql, params, "c.source", "source", f.source());
        eq(sql, params, "c.key_account", "keyAccount", f.keyAccount());
        if (f.tag() != null && !f.tag().isBlank()) {
            sql.append(" AND :tag = ANY (c.tags)");
            params.put("tag", f.tag().strip());
        }
        if (Boolean.TRUE.equals(f.enteredToday())) {
            sql.append(" AND c.created_by = :accessUserId AND c.created_at >= :todayStart");
            params.put("todayStart", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime());
        }
        if (Boolean.TRUE.equals(f.pool())) sql.append(" AND c.owner_id IS NULL");
        if (Boolean.FALSE.equals(f.pool())) sql.append(" AND c.owner_id IS NOT NULL");
        return sql.toString();
    }

    private static void eq(StringBuilder sql, Map<String, Object> params, String column, String name, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) return;
        sql.append(" AND ").append(column).append(" = :").append(name);
        params.put(name, value);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        boolean inScope = rs.getBoolean("in_scope");
        String phone = rs.getString("phone");
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("city"), rs.getString("stage"),
                rs.getString("source"), rs.getObject("owner_id", Long.class), rs.getString("owner_name"),
                rs.getBoolean("key_account"), inScope ? phone : CustomerKeys.maskPhone(phone),
                rs.getObject("last_follow_up_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class));
    }

    static Customer customer(ResultSet rs, Set<CustomerFields.Part> hidden) throws SQLException {
        boolean inScope = rs.getBoolean("in_scope");
        boolean credit = inScope && !hidden.contains(CustomerFields.Part.CREDIT_TERMS);
        boolean bank = inScope && !hidden.contains(CustomerFields.Part.BANK);
        boolean invoice = inScope && !hidden.contains(CustomerFields.Part.INVOICE);
        java.sql.Array tags = rs.getArray("tags");
        return new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"), rs.getString("city"),
                rs.getString("address"), rs.getString("business_format"), rs.getString("customer_class"),
                rs.getBoolean("key_account"), rs.getObject("parent_id", Long.class), rs.getString("parent_name"),
                rs.getString("source"), rs.getString("stage"), rs.getObject("owner_id", Long.class), rs.getString("owner_name"),
                rs.getObject("department_id", Long.class), rs.getString("product_category"),
                credit ? rs.getObject("credit_term_days", Integer.class) : null,
                credit ? rs.getBigDecimal("credit_limit") : null,
                invoice ? rs.getString("invoice_title") : null, invoice ? rs.getString("tax_id") : null,
                bank ? rs.getString("bank_name") : null, bank ? rs.getString("bank_account") : null,
                inScope ? rs.getString("notes") : null,
                tags == null ? List.of() : List.of((String[]) tags.getArray()), List.of(),
                rs.getObject("first_contact_due", OffsetDateTime.class), rs.getObject("first_contacted_at", OffsetDateTime.class),
                rs.getObject("last_follow_up_at", OffsetDateTime.class), rs.getObject("intention_on", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getLong("version"), inScope);
    }
}
