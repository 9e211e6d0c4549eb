package io.yewu.customer.internal.visit;

import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Competitor information gathered on visits (CUS-14), listed by product or brand, district (the customer's city)
 * and period for the market-information report (MKT-5). Rows follow the visitor's data scope.
 */
@Service
class MarketInfo {

    record Filter(String brand, String product, String city, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {}

    record Row(long visitId, LocalDate visitOn, String city, String customerName, String visitorName, String brand,
               String product, BigDecimal price, String promotion, String display, String staffChanges) {}

    private static final String FROM = """
             FROM visit_competitor m
             JOIN visit v ON v.company_id = m.company_id AND v.id = m.visit_id
             JOIN customer c ON c.company_id = v.company_id AND c.id = v.customer_id
             JOIN app_user u ON u.company_id = v.company_id AND u.id = v.visitor_id
            """;

    private static final String SELECT = """
            SELECT m.visit_id, v.visit_on, c.city, c.name AS customer_name, u.display_name AS visitor_name, m.brand,
                   m.product, m.price, m.promotion, m.display, m.staff_changes""";

    private final JdbcClient jdbc;

    MarketInfo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<Row> list(YewuPrincipal me, Filter filter, PageQuery page) {
        DataScope.Condition scope = DataScope.of(me, "v.company_id", "v.visitor_id");
        List<Row> rows = jdbc.sql(SELECT + FROM + where(scope) + " ORDER BY v.visit_on DESC, m.visit_id DESC, m.line_no LIMIT :limit OFFSET :offset")
                .params(scope.params()).params(params(filter)).param("limit", page.size()).param("offset", page.offset())
                .query(Row.class).list();
        return Page.of(rows, page, () -> jdbc.sql(Page.cappedCountSql(FROM + where(scope))).params(scope.params()).params(params(filter))
                .query(Long.class).single());
    }

    /** Every matching row, streamed, for the Excel export. */
    void each(YewuPrincipal me, Filter filter, Consumer<Row> sink) {
        DataScope.Condition scope = DataScope.of(me, "v.company_id", "v.visitor_id");
        try (var rows = jdbc.sql(SELECT + FROM + where(scope) + " ORDER BY v.visit_on DESC, m.visit_id DESC, m.line_no")
                .params(scope.params()).params(params(filter)).query(Row.class).stream()) {
            rows.forEach(sink);
        }
    }

    private static String where(DataScope.Condition scope) {
        return " WHERE " + scope.sql() + "\n" + """
                 AND (CAST(:brand AS text) IS NULL OR m.brand ILIKE '%' || :brand || '%')
                 AND (CAST(:product AS text) IS NULL OR m.product ILIKE '%' || :product || '%')
                 AND (CAST(:city AS text) IS NULL OR c.city = :city)
                 AND (CAST(:from AS date) IS NULL OR v.visit_on >= :from)
                 AND (CAST(:to AS date) IS NULL OR v.visit_on <= :to)""";
    }

    private static Map<String, Object> params(Filter f) {
        Map<String, Object> p = new HashMap<>();
        p.put("brand", like(f.brand()));
        p.put("product", like(f.product()));
        // 广州 and 广州市 name the same city (CUS-1)
        p.put("city", blankToNull(f.city()) == null ? null : io.yewu.customer.internal.Cities.canonical(f.city()).orElse(f.city().strip()));
        p.put("from", f.from());
        p.put("to", f.to());
        return p;
    }

    /** User text inside a LIKE pattern: its own wildcards are matched literally. */
    private static String like(String s) {
        String text = blankToNull(s);
        return text == null ? null : text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
