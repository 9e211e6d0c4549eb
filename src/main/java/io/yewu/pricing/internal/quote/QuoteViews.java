package io.yewu.pricing.internal.quote;

import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads quotes within the caller's data scope (PLT-5: a salesperson its own, a manager its department, finance and
 * the general manager all); a quote outside it does not exist (404). Lists filter, sort, page and export.
 */
@Component
public class QuoteViews {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String QUOTE = "quote";
    public static final String LINE = "quote-line";

    public record Header(long id, String number, long customerId, String customerName, long ownerId, String ownerName,
                         int newestVersion, Long copiedFrom, long version, Instant createdAt) {}

    public record VersionView(int versionNo, String state, boolean vatInvoice, LocalDate issuedOn, LocalDate validUntil,
                              BigDecimal total, BigDecimal tax, BigDecimal feeExpense, String paymentTerms,
                              String deliveryTerms, String notes, long settingsVersion, Instant createdAt,
                              Instant sentAt, Instant decidedAt, String rejectReason, Instant convertedAt, Long orderId) {

        /** PRC-10: past its last valid day while still open (draft or sent). */
        public boolean expired(LocalDate today) {
            return ("DRAFT".equals(state) || "SENT".equals(state)) && today.isAfter(validUntil);
        }
    }

    public record LineView(int lineNo, long productId, String productCode, String productName, String productKind,
                           String unit, BigDecimal quantity, BigDecimal unitPrice, BigDecimal feeShare,
                           Long quoteRequestId, BigDecimal amount, BigDecimal tax, String verdict,
                           BigDecimal guidePrice, Long priceListId, BigDecimal feePerUnit, BigDecimal netPrice,
                           BigDecimal allowance, BigDecimal specialDiscount, BigDecimal commissionReduction,
                           BigDecimal feeExpense, String specialStatus, Long specialApprovalId) {

        /** The check as it was stored with the line (PRC-2 … PRC-8). */
        public io.yewu.pricing.PriceCheck check() {
            return new io.yewu.pricing.PriceCheck(io.yewu.pricing.PriceVerdict.valueOf(verdict), guidePrice, unitPrice,
                    feePerUnit, netPrice, allowance, specialDiscount, commissionReduction, feeExpense);
        }
    }

    /** A line with its explanation (PLT-1): where the guide price came from and what the checks said. */
    public record LineDetail(LineView line, List<RuleHit> why) {}

    public record Summary(long id, String number, long customerId, String customerName, long ownerId, String ownerName,
                          int newestVersion, String state, boolean expired, BigDecimal total, LocalDate issuedOn,
                          LocalDate validUntil, Instant createdAt) {}

    public record Filter(String q, String state, Long customerId) {}

    static String lineKey(long quoteId, int version, int lineNo) {
        return quoteId + "-" + version + "-" + lineNo;
    }

    static String versionKey(long quoteId, int version) {
        return quoteId + "-" + version;
    }

    private static final String HEADER = """
            SELECT q.id, q.number, q.customer_id, c.name AS customer_name, q.owner_id, u.display_name AS owner_name,
                   q.newest_version, q.copied_from, q.version, q.created_at
            FROM quote q JOIN customer c ON c.company_id = q.company_id AND c.id = q.customer_id
            JOIN app_user u ON u.company_id = q.company_id AND u.id = q.owner_id
            """;
    private static final String VERSION = """
            SELECT v.version AS version_no, v.state, v.vat_invoice, v.issued_on, v.valid_until, v.total, v.tax, v.fee_expense,
                   v.payment_terms, v.delivery_terms, v.notes, v.settings_version, v.created_at, v.sent_at, v.decided_at,
                   v.reject_reason, v.converted_at, v.order_id
            FROM quote_version v WHERE v.company_id = :c AND v.quote_id = :q
            """;
    private static final Map<String, String> SORTS = Map.of("createdAt", "q.created_at", "number", "q.number",
            "total", "v.total", "validUntil", "v.valid_until", "customerName", "c.name");

    private final JdbcClient jdbc;
    private final DecisionRecords decisions;
    private final Clock clock;

    QuoteViews(JdbcClient jdbc, DecisionRecords decisions, Clock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.clock = clock;
    }

    Instant clockInstant() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI);
    }

    Optional<Header> header(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "q.company_id", "q.owner_id");
        return jdbc.sql(HEADER + " WHERE q.id = :id AND " + scope.sql()).params(scope.params()).param("id", id)
                .query(Header.class).optional();
    }

    /** Without a user (system work): the company wall only. */
    Optional<Header> header(long companyId, long id) {
        return jdbc.sql(HEADER + " WHERE q.company_id = :c AND q.id = :id").param("c", companyId).param("id", id)
                .query(Header.class).optional();
    }

    Header require(YewuPrincipal me, long id) {
        return header(me, id).orElseThrow(() -> ProblemException.notFound("quote " + id));
    }

    List<VersionView> versions(long companyId, long quoteId) {
        return jdbc.sql(VERSION + " ORDER BY v.version DESC").param("c", companyId).param("q", quoteId)
                .query(VersionView.class).list();
    }

    VersionView version(long companyId, long quoteId, int version) {
        return jdbc.sql(VERSION + " AND v.version = :v").param("c", companyId).param("q", quoteId).param("v", version)
                .query(VersionView.class).optional().orElseThrow(() -> ProblemException.notFound("quote version " + version));
    }

    List<LineView> lines(long companyId, long quoteId, int version) {
        return jdbc.sql("""
                SELECT l.line_no, l.product_id, p.code AS product_code, p.name AS product_name, l.product_kind, p.unit,
                       l.quantity, l.unit_price, l.fee_share, l.quote_request_id, l.amount, l.tax, l.verdict, l.guide_price,
                       l.price_list_id, l.fee_per_unit, l.net_price, l.allowance, l.special_discount, l.commission_reduction,
                       l.fee_expense, l.special_status, l.special_approval_id
                FROM quote_line l JOIN product p ON p.company_id = l.company_id AND p.id = l.product_id
                WHERE l.company_id = :c AND l.quote_id = :q AND l.version = :v ORDER BY l.line_no""")
                .param("c", companyId).param("q", quoteId).param("v", version).query(LineView.class).list();
    }

    List<LineDetail> lineDetails(long companyId, long quoteId, int version) {
        List<LineView> lines = lines(companyId, quoteId, version);
        Map<String, StoredDecision> why = decisions.latestFor(LINE,
                lines.stream().map(l -> lineKey(quoteId, version, l.lineNo())).toList(), "price-check");
        return lines.stream().map(l -> {
            StoredDecision d = why.get(lineKey(quoteId, version, l.lineNo()));
            return new LineDetail(l, d == null ? List.of() : d.hits());
        }).toList();
    }

    Page<Summary> list(YewuPrincipal me, Filter filter, PageQuery page) {
        Where w = where(me, filter);
        List<Summary> items = jdbc.sql(SUMMARY + w.sql() + " ORDER BY " + page.orderBy(SORTS, "q.created_at DESC, q.id DESC")
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params()).param("limit", page.size()).param("offset", page.offset()).query(Summary.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, w.sql(), w.params()));
    }

    /** Every quote the filter selects, streamed (the export). */
    void each(YewuPrincipal me, Filter filter, Consumer<Summary> sink) {
        Where w = where(me, filter);
        try (var rows = jdbc.sql(SUMMARY + w.sql() + " ORDER BY q.created_at DESC, q.id DESC").params(w.params())
                .query(Summary.class).stream()) {
            rows.forEach(sink);
        }
    }

    private static final String SUMMARY = """
            SELECT q.id, q.number, q.customer_id, c.name AS customer_name, q.owner_id, u.display_name AS owner_name,
                   q.newest_version, v.state, (v.state IN ('DRAFT', 'SENT') AND v.valid_until < :today) AS expired,
                   v.total, v.issued_on, v.valid_until, q.created_at
            """;

    private record Where(String sql, Map<String, Object> params) {}

    private Where where(YewuPrincipal me, Filter filter) {
        DataScope.Condition scope = DataScope.of(me, "q.company_id", "q.owner_id");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", today());
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
        params.put("q", q);
        params.put("customer", filter.customerId());
        String state = filter.state() == null || filter.state().isBlank() ? null : filter.state().strip();
        String stateSql = "";
        if (state != null) {
            if (!List.of("DRAFT", "SENT", "ACCEPTED", "REJECTED", "EXPIRED", "CONVERTED").contains(state)) {
                throw ProblemException.invalid("state", "invalid");
            }
            stateSql = switch (state) {
                case "EXPIRED" -> " AND v.state IN ('DRAFT', 'SENT') AND v.valid_until < :today";
                case "CONVERTED" -> " AND v.converted_at IS NOT NULL";
                case "DRAFT", "SENT" -> " AND v.state = :state AND v.valid_until >= :today";
                default -> " AND v.state = :state";
            };
            params.put("state", state);
        }
        String sql = """
                 FROM quote q
                 JOIN quote_version v ON v.company_id = q.company_id AND v.quote_id = q.id AND v.version = q.newest_version
                 JOIN customer c ON c.company_id = q.company_id AND c.id = q.customer_id
                 JOIN app_user u ON u.company_id = q.company_id AND u.id = q.owner_id
                 WHERE""" + " " + scope.sql() + " " + """
                 AND (CAST(:q AS text) IS NULL OR strpos(lower(q.number), lower(:q)) > 0 OR strpos(lower(c.name), lower(:q)) > 0)
                 AND (CAST(:customer AS bigint) IS NULL OR q.customer_id = :customer)""" + stateSql;
        return new Where(sql, params);
    }
}
