package io.yewu.pricing.internal;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.settings.Settings;
import io.yewu.pricing.LineMoney;
import io.yewu.pricing.LinePricing;
import io.yewu.pricing.PriceCheck;
import io.yewu.pricing.PriceLine;
import io.yewu.pricing.internal.policy.GuidePricePolicy;
import io.yewu.pricing.internal.policy.PriceCheckPolicy;
import io.yewu.pricing.internal.policy.PricingRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link LinePricing} for quotes and orders alike: the guide price in force on the day (PRC-2 approved lists, or the
 * answer to a quote request for a non-standard item, PRC-3), then the net-price checks (PRC-4 … PRC-8) and the line's
 * money (PLT-8) at the VAT rate in force ({@code money.vat-rate}). One decision carries both the guide price's hits
 * and the checks' hits, so the line explains where G came from and what it led to.
 */
@Service
public class LinePrices implements LinePricing {

    private record Found(long id, String code, String name, Products.Kind kind, boolean active) {}

    private final JdbcClient jdbc;
    private final Settings settings;
    private final Clock clock;
    private final GuidePricePolicy guidePrices = new GuidePricePolicy();
    private final PriceCheckPolicy checks = new PriceCheckPolicy();

    LinePrices(JdbcClient jdbc, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Optional<CheckedLine> check(long productId, BigDecimal unitPrice, BigDecimal quantity, BigDecimal feeShare,
                                       boolean vatInvoice, LocalDate on, Long quoteRequestId) {
        return check(productId, unitPrice, quantity, feeShare, vatInvoice, on, quoteRequestId, rules());
    }

    /** The same with the rules of a given moment (a version keeps the settings it was checked with). */
    public Optional<CheckedLine> check(long productId, BigDecimal unitPrice, BigDecimal quantity, BigDecimal feeShare,
                                       boolean vatInvoice, LocalDate on, Long quoteRequestId, PricingRules rules) {
        return checkAll(List.of(new LineRequest(productId, unitPrice, quantity, feeShare, quoteRequestId)), vatInvoice, on, rules)
                .getFirst();
    }

    @Override
    public List<Optional<CheckedLine>> checkAll(List<LineRequest> lines, boolean vatInvoice, LocalDate on) {
        return checkAll(lines, vatInvoice, on, rules());
    }

    /**
     * The lines' products with their list entries in one query, and their answered requests in a second if any line
     * has one, whatever the number of lines.
     */
    public List<Optional<CheckedLine>> checkAll(List<LineRequest> lines, boolean vatInvoice, LocalDate on, PricingRules rules) {
        if (lines.isEmpty()) return List.of();
        long company = company();
        Long[] productIds = lines.stream().map(LineRequest::productId).distinct().toArray(Long[]::new);
        Map<Long, Found> products = new HashMap<>();
        Map<Long, List<GuidePricePolicy.ListedPrice>> listed = new HashMap<>();
        // every list entry of each product, approved or not (GuidePricePolicy picks the one in force); a product
        // without entries comes back once, with empty entry columns
        jdbc.sql("""
                SELECT p.id, p.code, p.name, p.kind, p.active, l.id AS price_list_id, l.effective_from,
                       l.status = 'APPROVED' AS approved, x.guide_price
                FROM product p
                LEFT JOIN price_list_line x ON x.company_id = p.company_id AND x.product_id = p.id
                LEFT JOIN price_list l ON l.company_id = x.company_id AND l.id = x.price_list_id
                WHERE p.company_id = :c AND p.id = ANY(:ids)""")
                .param("c", company).param("ids", productIds)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    if (!products.containsKey(id)) {
                        products.put(id, new Found(id, rs.getString("code"), rs.getString("name"),
                                Products.Kind.valueOf(rs.getString("kind")), rs.getBoolean("active")));
                    }
                    long list = rs.getLong("price_list_id");
                    if (!rs.wasNull()) {
                        listed.computeIfAbsent(id, k -> new ArrayList<>()).add(new GuidePricePolicy.ListedPrice(list,
                                rs.getObject("effective_from", LocalDate.class), rs.getBoolean("approved"),
                                rs.getBigDecimal("guide_price")));
                    }
                    return null;
                }).list();
        Long[] requestIds = lines.stream().map(LineRequest::quoteRequestId).filter(java.util.Objects::nonNull).distinct()
                .toArray(Long[]::new);
        Map<Long, Answer> answers = new HashMap<>();
        if (requestIds.length > 0) {
            jdbc.sql("""
                    SELECT id, product_id, guide_price FROM quote_request
                    WHERE company_id = :c AND id = ANY(:ids) AND status = 'ANSWERED'""")
                    .param("c", company).param("ids", requestIds).query(Answer.class).list().forEach(a -> answers.put(a.id(), a));
        }
        List<Optional<CheckedLine>> out = new ArrayList<>(lines.size());
        for (LineRequest l : lines) {
            Found p = products.get(l.productId());
            if (p == null) {
                out.add(Optional.empty());
                continue;
            }
            Answer a = l.quoteRequestId() == null ? null : answers.get(l.quoteRequestId());
            Optional<BigDecimal> answered = a != null && a.productId() == l.productId() ? Optional.ofNullable(a.guidePrice()) : Optional.empty();
            out.add(Optional.of(priced(p, listed.getOrDefault(p.id(), List.of()), answered, l.unitPrice(), l.quantity(),
                    l.feeShare(), vatInvoice, on, rules)));
        }
        return out;
    }

    private record Answer(long id, long productId, BigDecimal guidePrice) {}

    private CheckedLine priced(Found p, List<GuidePricePolicy.ListedPrice> listed, Optional<BigDecimal> answered,
                               BigDecimal unitPrice, BigDecimal quantity, BigDecimal feeShare, boolean vatInvoice,
                               LocalDate on, PricingRules rules) {
        Decision<Optional<GuidePricePolicy.GuidePrice>> guide = guidePrices.guidePrice(p.kind().pricing(),
                listed, answered, on, rules);
        GuidePricePolicy.GuidePrice g = guide.outcome().orElse(null);
        BigDecimal x = feeShare == null ? BigDecimal.ZERO : feeShare;
        Decision<PriceCheck> checked = checks.check(new PriceLine(g == null ? null : g.price(), unitPrice, x, vatInvoice,
                quantity), rules);
        List<RuleHit> hits = new ArrayList<>(guide.hits());
        hits.addAll(checked.hits());
        BigDecimal amount = LineMoney.lineAmount(unitPrice, quantity);
        BigDecimal tax = amount.signum() > 0 ? LineMoney.taxIncluded(amount, rules.vatRate()) : LineMoney.ZERO;
        return new CheckedLine(p.id(), p.code(), p.name(), p.kind().pricing(), p.active(),
                g == null ? null : g.priceListId(), new Decision<>(checked.outcome(), hits, rules.settingsVersion()),
                amount, tax);
    }

    /** The pricing settings in force now. */
    public PricingRules rules() {
        return PricingRules.from(settings.snapshotAt(clock.instant()));
    }

    private static long company() {
        Long company = CompanyContext.companyId();
        if (company == null) throw new IllegalStateException("line pricing runs in a company");
        return company;
    }
}
