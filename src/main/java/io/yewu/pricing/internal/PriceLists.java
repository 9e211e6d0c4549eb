package io.yewu.pricing.internal;

import io.yewu.platform.approval.ApprovalCompleted;
import io.yewu.platform.approval.ApprovalSpec;
import io.yewu.platform.approval.Approvals;
import io.yewu.platform.approval.StepSpec;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.platform.web.Versions;
import io.yewu.pricing.internal.policy.GuidePricePolicy;
import io.yewu.pricing.internal.policy.PricingRules;
import io.yewu.platform.transfer.ExcelExport;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PRC-2: guide price lists. The marketing director drafts a list with its lines and effective date, submits it, and
 * the general manager approves it through the platform's approvals (PLT-3); an approved list applies from its
 * effective date, and no list is ever deleted, so the guide price in force on any day can be told and explained.
 */
@Service
class PriceLists {

    record LineInput(Long productId, BigDecimal guidePrice) {}

    record Draft(String name, LocalDate effectiveFrom, List<LineInput> lines) {}

    record Line(long productId, String productCode, String productName, BigDecimal guidePrice) {}

    record Summary(long id, String name, LocalDate effectiveFrom, String status, long version, long createdBy,
                   Instant createdAt, Instant submittedAt, Instant decidedAt, int lineCount) {}

    record PriceList(Summary list, List<Line> lines) {}

    /** The guide price of a product on a day, with the decision that chose it (PLT-1), for the UI to explain. */
    record PriceInForce(long productId, String productCode, Products.Kind kind, LocalDate on, BigDecimal guidePrice,
                        Long priceListId, Decision<Optional<GuidePricePolicy.GuidePrice>> decision) {}

    static final String SUBJECT = "price-list";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The largest amount numeric(14, 2) holds. */
    static final BigDecimal MAX_PRICE = new BigDecimal("999999999999.99");
    private static final Map<String, String> SORTS = Map.of("effectiveFrom", "l.effective_from", "name", "l.name",
            "createdAt", "l.created_at");
    private static final String SUMMARY = """
            SELECT l.id, l.name, l.effective_from, l.status, l.version, l.created_by, l.created_at, l.submitted_at,
                   l.decided_at, (SELECT count(*) FROM price_list_line x WHERE x.company_id = l.company_id AND x.price_list_id = l.id) AS line_count
            """;

    private final JdbcClient jdbc;
    private final Products products;
    private final Approvals approvals;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;
    private final GuidePricePolicy policy = new GuidePricePolicy();

    PriceLists(JdbcClient jdbc, Products products, Approvals approvals, DecisionRecords decisions, AuditTrail audit,
               Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.approvals = approvals;
        this.decisions = decisions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    Page<Summary> list(YewuPrincipal me, String status, PageQuery page) {
        String where = " FROM price_list l WHERE l.company_id = :c AND (CAST(:status AS text) IS NULL OR l.status = :status)";
        String s = status == null || status.isBlank() ? null : status.strip();
        List<Summary> items = jdbc.sql(SUMMARY + where + " ORDER BY " + page.orderBy(SORTS, "l.effective_from DESC, l.id DESC")
                        + " LIMIT :limit OFFSET :offset")
                .param("c", me.companyId()).param("status", s).param("limit", page.size()).param("offset", page.offset())
                .query(Summary.class).list();
        return Page.of(items, page, () -> jdbc.sql(Page.cappedCountSql(where)).param("c", me.companyId()).param("status", s).query(Long.class).single());
    }

    /** PLT-10: the lists of the filter as a spreadsheet (every list, newest effective date first). */
    ResponseEntity<StreamingResponseBody> export(YewuPrincipal me, String status, Locale locale) {
        boolean zh = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        String s = status == null || status.isBlank() ? null : status.strip();
        List<ExcelExport.Column<Summary>> columns = List.of(
                new ExcelExport.Column<>("价格表名称", "Price list", Summary::name),
                new ExcelExport.Column<>("生效日期", "Effective from", Summary::effectiveFrom),
                new ExcelExport.Column<>("状态", "Status", x -> statusWord(x.status(), zh)),
                new ExcelExport.Column<>("产品数", "Products", Summary::lineCount),
                new ExcelExport.Column<>("创建时间", "Created", Summary::createdAt),
                new ExcelExport.Column<>("审批时间", "Decided", Summary::decidedAt));
        return ExcelExport.response(zh ? "价格表" : "price-lists", locale, columns, sink -> {
            try (var rows = jdbc.sql(SUMMARY + " FROM price_list l WHERE l.company_id = :c AND (CAST(:status AS text) IS NULL OR l.status = :status)"
                            + " ORDER BY l.effective_from DESC, l.id DESC LIMIT 100000")
                    .param("c", me.companyId()).param("status", s).query(Summary.class).stream()) {
                rows.forEach(sink);
            }
        });
    }

    private static String statusWord(String status, boolean zh) {
        return switch (status) {
            case "DRAFT" -> zh ? "草稿" : "Draft";
            case "PENDING" -> zh ? "待审批" : "Pending approval";
            case "APPROVED" -> zh ? "已批准" : "Approved";
            default -> zh ? "已驳回" : "Rejected";
        };
    }

    PriceList get(YewuPrincipal me, long id) {
        Summary summary = jdbc.sql(SUMMARY + " FROM price_list l WHERE l.company_id = :c AND l.id = :id")
                .param("c", me.companyId()).param("id", id).query(Summary.class).optional()
                .orElseThrow(() -> ProblemException.notFound("price-list " + id));
        List<Line> lines = jdbc.sql("""
                SELECT x.product_id, p.code AS product_code, p.name AS product_name, x.guide_price
                FROM price_list_line x JOIN product p ON p.company_id = x.company_id AND p.id = x.product_id
                WHERE x.company_id = :c AND x.price_list_id = :id ORDER BY p.code""")
                .param("c", me.companyId()).param("id", id).query(Line.class).list();
        return new PriceList(summary, lines);
    }

    /**
     * A draft with its lines: an effective date not in the past (Asia/Shanghai), at least one line, each an active
     * standard product of the company (PRC-1: non-standard items have no guide price) once, with a price above zero
     * and at most two decimals.
     */
    @Transactional
    PriceList create(YewuPrincipal me, Draft in) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty()) problems.add(new FieldProblem("name", "required"));
        else if (name.length() > 100) problems.add(new FieldProblem("name", "too-long", 100));
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        if (in.effectiveFrom() == null) problems.add(new FieldProblem("effectiveFrom", "required"));
        else if (in.effectiveFrom().isBefore(today)) problems.add(new FieldProblem("effectiveFrom", "price-list-date-past"));
        List<LineInput> lines = in.lines() == null ? List.of() : in.lines();
        if (lines.isEmpty()) problems.add(new FieldProblem("lines", "required"));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            LineInput line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line == null || line.productId() == null) {
                problems.add(new FieldProblem(at + "productId", "required"));
            } else if (!seen.add(line.productId())) {
                problems.add(new FieldProblem(at + "productId", "price-list-duplicate-product"));
            } else {
                record Found(String kind, boolean active) {}
                Optional<Found> p = jdbc.sql("SELECT kind, active FROM product WHERE company_id = :c AND id = :id")
                        .param("c", me.companyId()).param("id", line.productId()).query(Found.class).optional();
                if (p.isEmpty()) problems.add(new FieldProblem(at + "productId", "unknown", line.productId()));
                else if (!p.get().active()) problems.add(new FieldProblem(at + "productId", "product-inactive"));
                else if (!"STANDARD".equals(p.get().kind())) problems.add(new FieldProblem(at + "productId", "product-not-standard"));
            }
            BigDecimal price = line == null ? null : line.guidePrice();
            if (price == null) problems.add(new FieldProblem(at + "guidePrice", "required"));
            else if (price.signum() <= 0) problems.add(new FieldProblem(at + "guidePrice", "price-positive"));
            else if (price.stripTrailingZeros().scale() > 2) problems.add(new FieldProblem(at + "guidePrice", "money-decimals"));
            else if (price.compareTo(MAX_PRICE) > 0) problems.add(new FieldProblem(at + "guidePrice", "price-too-large", MAX_PRICE.toPlainString()));
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        long id = jdbc.sql("""
                INSERT INTO price_list (company_id, name, effective_from, created_by) VALUES (:c, :name, :from, :by) RETURNING id""")
                .param("c", me.companyId()).param("name", name).param("from", in.effectiveFrom()).param("by", me.id())
                .query(Long.class).single();
        for (LineInput line : lines) {
            jdbc.sql("""
                    INSERT INTO price_list_line (company_id, price_list_id, product_id, guide_price) VALUES (:c, :list, :product, :price)""")
                    .param("c", me.companyId()).param("list", id).param("product", line.productId())
                    .param("price", line.guidePrice().setScale(2)).update();
        }
        audit.record("price-list", id, "create", Changes.of().created("name", name).created("effectiveFrom", in.effectiveFrom())
                .created("lines", lines.size()));
        return get(me, id);
    }

    /**
     * Sends a draft (or a rejected list, resubmitted) to the general manager. The chain is chosen by the PRC-2 policy
     * and stored beside the list (PLT-1); the approval covers exactly the submitted version.
     */
    @Transactional
    PriceList submit(YewuPrincipal me, long id, Long version) {
        PriceList list = get(me, id);
        if (version == null) throw ProblemException.invalid("version", "required");
        if (!List.of("DRAFT", "REJECTED").contains(list.list().status())) throw ProblemException.conflict("price-list-not-draft");
        if (list.list().effectiveFrom().isBefore(LocalDate.ofInstant(clock.instant(), SHANGHAI))) {
            throw ProblemException.invalid("effectiveFrom", "price-list-date-past");
        }
        RoleCode drafter = me.hasRole(RoleCode.MARKETING_DIRECTOR) ? RoleCode.MARKETING_DIRECTOR : RoleCode.GENERAL_MANAGER;
        Decision<List<RoleCode>> chain = policy.priceListApproval(drafter, rules());
        decisions.record(SUBJECT, String.valueOf(id), "approval-chain", chain);
        if (chain.outcome().isEmpty()) throw ProblemException.conflict("price-list-drafter");
        Versions.requireUpdated(jdbc.sql("""
                UPDATE price_list SET status = 'PENDING', submitted_at = now(), decided_at = NULL, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("c", me.companyId()).param("id", id).param("v", version).update());
        long approvalId = approvals.start(new ApprovalSpec(SUBJECT, String.valueOf(id), version + 1,
                "价格表：" + list.list().name() + " / Price list: " + list.list().name(), me.id(), chain,
                chain.outcome().stream().map(StepSpec::role).toList(), approvalDetails(me.companyId(), list)));
        jdbc.sql("UPDATE price_list SET approval_id = :a WHERE company_id = :c AND id = :id")
                .param("a", approvalId).param("c", me.companyId()).param("id", id).update();
        audit.record("price-list", id, "submit", Changes.of().put("status", list.list().status(), "PENDING"));
        return get(me, id);
    }

    /**
     * What the general manager sees (issue 12, PRC-2): each product's approved guide price in force on the list's
     * date without this list, beside the new one, and how many prices change.
     */
    private ApprovalSpec.Details approvalDetails(long companyId, PriceList list) {
        LocalDate from = list.list().effectiveFrom();
        java.util.Map<Long, List<GuidePricePolicy.ListedPrice>> listed =
                listed(companyId, list.lines().stream().map(Line::productId).toList());
        PricingRules rules = rules();
        List<List<Object>> rows = new ArrayList<>();
        int changed = 0;
        for (Line l : list.lines()) {
            List<GuidePricePolicy.ListedPrice> others = listed.getOrDefault(l.productId(), List.of()).stream()
                    .filter(p -> p.priceListId() != list.list().id()).toList();
            BigDecimal before = policy.guidePrice(io.yewu.pricing.ProductKind.STANDARD, others, Optional.empty(), from, rules)
                    .outcome().map(GuidePricePolicy.GuidePrice::price).orElse(null);
            if (before == null || before.compareTo(l.guidePrice()) != 0) changed++;
            rows.add(java.util.Arrays.asList(l.productCode(), l.productName(),
                    before == null ? null : before.setScale(2).toPlainString(), l.guidePrice().setScale(2).toPlainString()));
        }
        List<ApprovalSpec.Fact> facts = List.of(new ApprovalSpec.Fact("effectiveFrom", from.toString()),
                new ApprovalSpec.Fact("lineCount", list.lines().size()), new ApprovalSpec.Fact("changeCount", changed));
        return ApprovalSpec.Details.of("/price-lists", list.list().name(), facts,
                new ApprovalSpec.Table(List.of("productCode", "product", "oldGuidePrice", "newGuidePrice"), rows));
    }

    /** The general manager's answer, in the transaction that decided it: approved lists apply from their date. */
    @EventListener
    void on(ApprovalCompleted event) {
        if (!SUBJECT.equals(event.subjectType())) return;
        long id = Long.parseLong(event.subjectId());
        String status = switch (event.outcome()) {
            case APPROVED -> "APPROVED";
            case REJECTED, CANCELLED -> "REJECTED";
        };
        int updated = jdbc.sql("""
                UPDATE price_list SET status = :s, decided_at = now(), version = version + 1
                WHERE company_id = :c AND id = :id AND status = 'PENDING' AND version = :v""")
                .param("s", status).param("c", event.companyId()).param("id", id).param("v", event.subjectVersion()).update();
        if (updated == 1) audit.record("price-list", id, event.outcome().name().toLowerCase(), Changes.of().put("status", "PENDING", status));
    }

    /** PRC-1 / PRC-2: the guide price of a product on a day, answered with the decision and its rule hits. */
    PriceInForce priceInForce(YewuPrincipal me, long productId, LocalDate on) {
        Products.Product product = products.get(me, productId);
        LocalDate day = on == null ? LocalDate.ofInstant(clock.instant(), SHANGHAI) : on;
        List<GuidePricePolicy.ListedPrice> listed = listed(me.companyId(), productId);
        Decision<Optional<GuidePricePolicy.GuidePrice>> decision =
                policy.guidePrice(product.kind().pricing(), listed, Optional.empty(), day, rules());
        GuidePricePolicy.GuidePrice price = decision.outcome().orElse(null);
        return new PriceInForce(product.id(), product.code(), product.kind(), day,
                price == null ? null : price.price(), price == null ? null : price.priceListId(), decision);
    }

    /** Every list entry of a product, approved or not; {@link GuidePricePolicy} picks the one in force. */
    List<GuidePricePolicy.ListedPrice> listed(long companyId, long productId) {
        return jdbc.sql("""
                SELECT l.id AS price_list_id, l.effective_from, l.status = 'APPROVED' AS approved, x.guide_price
                FROM price_list_line x JOIN price_list l ON l.company_id = x.company_id AND l.id = x.price_list_id
                WHERE x.company_id = :c AND x.product_id = :p""")
                .param("c", companyId).param("p", productId).query(GuidePricePolicy.ListedPrice.class).list();
    }

    /** The list entries of many products in one query, by product (products without entries are absent). */
    java.util.Map<Long, List<GuidePricePolicy.ListedPrice>> listed(long companyId, java.util.Collection<Long> productIds) {
        java.util.Map<Long, List<GuidePricePolicy.ListedPrice>> byProduct = new java.util.HashMap<>();
        if (productIds.isEmpty()) return byProduct;
        jdbc.sql("""
                SELECT x.product_id, l.id AS price_list_id, l.effective_from, l.status = 'APPROVED' AS approved, x.guide_price
                FROM price_list_line x JOIN price_list l ON l.company_id = x.company_id AND l.id = x.price_list_id
                WHERE x.company_id = :c AND x.product_id = ANY(:p)""")
                .param("c", companyId).param("p", productIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    byProduct.computeIfAbsent(rs.getLong("product_id"), k -> new java.util.ArrayList<>())
                            .add(new GuidePricePolicy.ListedPrice(rs.getLong("price_list_id"),
                                    rs.getObject("effective_from", java.time.LocalDate.class), rs.getBoolean("approved"),
                                    rs.getBigDecimal("guide_price")));
                    return null;
                }).list();
        return byProduct;
    }

    private PricingRules rules() {
        return PricingRules.from(settings.snapshotAt(clock.instant()));
    }
}
