package io.yewu.pricing.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.CellParser;
import io.yewu.platform.transfer.CellParsers;
import io.yewu.platform.transfer.ImportColumn;
import io.yewu.platform.transfer.ImportFile;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportProgress;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.transfer.ImportRow;
import io.yewu.platform.transfer.ImportSpec;
import io.yewu.platform.transfer.Importer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PLT-10 / PRC-2: guide price lists from a spreadsheet. Each row names its list and effective date, a product code
 * and the guide price; the rows of one list and date become one draft list, exactly as one drafted on screen (the
 * marketing director then submits it for the general manager's approval). Every row is checked first — unknown,
 * inactive or non-standard product, a price not above zero or with more than two decimals, a date in the past, a
 * product twice in one list, a list already drafted under that name and date (the same file uploaded again) — and
 * the lists and their lines are then written set-based: two statements for the whole file.
 */
@Service
class PriceListImport {

    static final ImportColumn<String> LIST = ImportColumn.required("priceList", "价格表名称", "priceList", CellParsers.text(100));
    static final ImportColumn<String> CODE = ImportColumn.required("productCode", "产品编码", "productCode", CellParsers.text(50));
    /** For whoever reads the file; the code decides the product. */
    static final ImportColumn<String> NAME = ImportColumn.optional("productName", "产品名称", "productName", CellParsers.text(200));
    static final ImportColumn<BigDecimal> PRICE = ImportColumn.required("guidePrice", "指导价", "guidePrice", s -> {
        CellParser.Result<BigDecimal> money = CellParsers.money().parse(s);
        return switch (money) {
            case CellParser.Error<BigDecimal> e when e.code().equals("not-negative") -> CellParser.error("price-positive");
            case CellParser.Ok<BigDecimal> ok when ok.value().signum() == 0 -> CellParser.error("price-positive");
            case CellParser.Ok<BigDecimal> ok when ok.value().compareTo(PriceLists.MAX_PRICE) > 0 ->
                    CellParser.error("price-too-large", PriceLists.MAX_PRICE.toPlainString());
            default -> money;
        };
    });

    record Row(int rowNumber, String list, LocalDate effectiveFrom, long productId, BigDecimal guidePrice) {}

    private record ListKey(String name, LocalDate effectiveFrom) {}

    private final JdbcClient jdbc;
    private final Importer importer;
    private final AuditTrail audit;
    private final Clock clock;

    PriceListImport(JdbcClient jdbc, Importer importer, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.audit = audit;
        this.clock = clock;
    }

    ImportResult importFile(YewuPrincipal me, ImportFile file, ImportMode mode, ImportProgress progress) {
        return importer.importRecords(spec(me.companyId()), file, mode, rows -> {
            write(me, rows);
            progress.written(rows.size());
            return new Importer.Written(rows.size(), List.of());
        }, progress);
    }

    List<ImportColumn<?>> columns(long companyId) {
        return spec(companyId).columns();
    }

    /** A fresh spec per file: the in-file duplicate guard remembers the rows seen before. */
    private ImportSpec<Row> spec(long companyId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), PriceLists.SHANGHAI);
        ImportColumn<LocalDate> from = ImportColumn.required("effectiveFrom", "生效日期", "effectiveFrom", s -> {
            CellParser.Result<LocalDate> date = CellParsers.date().parse(s);
            return date instanceof CellParser.Ok<LocalDate> ok && ok.value().isBefore(today)
                    ? CellParser.error("price-list-date-past") : date;
        });
        Map<Integer, Long> productOf = new HashMap<>();
        Set<String> seen = new HashSet<>();
        return new ImportSpec<>(List.of(LIST, from, CODE, NAME, PRICE),
                r -> new Row(r.rowNumber(), r.get(LIST), r.get(from), productOf.get(r.rowNumber()), r.get(PRICE)),
                rows -> check(companyId, rows, from, productOf, seen));
    }

    /** Products by code and lists already drafted under the same name and date: two queries per thousand rows. */
    private List<ImportSpec.Refusal> check(long companyId, List<ImportRow> rows, ImportColumn<LocalDate> from,
                                           Map<Integer, Long> productOf, Set<String> seen) {
        record Product(long id, String code, String kind, boolean active) {}
        Map<String, Product> products = new HashMap<>();
        jdbc.sql("SELECT id, code, kind, active FROM product WHERE company_id = :c AND code = ANY(:codes)")
                .param("c", companyId).param("codes", rows.stream().map(r -> r.get(CODE)).filter(java.util.Objects::nonNull)
                        .distinct().toArray(String[]::new))
                .query(Product.class).list().forEach(p -> products.put(p.code(), p));
        Set<ListKey> keys = new HashSet<>();
        for (ImportRow r : rows) if (r.get(LIST) != null && r.get(from) != null) keys.add(new ListKey(r.get(LIST), r.get(from)));
        Map<ListKey, String> drafted = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql("""
                    SELECT l.name, l.effective_from, l.status FROM price_list l
                    WHERE l.company_id = :c AND l.status <> 'REJECTED'
                      AND (l.name, l.effective_from) IN (SELECT x.n, x.f FROM unnest(CAST(:names AS text[]), CAST(:froms AS date[])) AS x(n, f))""")
                    .param("c", companyId).param("names", keys.stream().map(ListKey::name).toArray(String[]::new))
                    .param("froms", keys.stream().map(k -> Date.valueOf(k.effectiveFrom())).toArray(Date[]::new))
                    .query((rs, n) -> drafted.put(new ListKey(rs.getString("name"), rs.getObject("effective_from", LocalDate.class)),
                            rs.getString("status"))).list();
        }
        List<ImportSpec.Refusal> refused = new ArrayList<>();
        for (ImportRow r : rows) {
            String status = r.get(LIST) == null ? null : drafted.get(new ListKey(r.get(LIST), r.get(from)));
            if (status != null) refused.add(new ImportSpec.Refusal(r.rowNumber(), LIST, "price-list-imported", status));
            String code = r.get(CODE);
            if (code == null) continue;
            Product p = products.get(code);
            if (p == null) refused.add(new ImportSpec.Refusal(r.rowNumber(), CODE, "unknown-product-code", code));
            else if (!p.active()) refused.add(new ImportSpec.Refusal(r.rowNumber(), CODE, "product-inactive"));
            else if (!"STANDARD".equals(p.kind())) refused.add(new ImportSpec.Refusal(r.rowNumber(), CODE, "product-not-standard"));
            else if (!seen.add(r.get(LIST) + "\u001f" + r.get(from) + "\u001f" + p.id())) {
                refused.add(new ImportSpec.Refusal(r.rowNumber(), CODE, "price-list-duplicate-product"));
            } else productOf.put(r.rowNumber(), p.id());
        }
        return refused;
    }

    /** One draft list per name and date, then all their lines: two statements, and one audit row per list. */
    private void write(YewuPrincipal me, List<Row> rows) {
        Map<ListKey, List<Row>> lists = new LinkedHashMap<>();
        for (Row r : rows) lists.computeIfAbsent(new ListKey(r.list(), r.effectiveFrom()), k -> new ArrayList<>()).add(r);
        Map<ListKey, Long> ids = new HashMap<>();
        jdbc.sql("""
                INSERT INTO price_list (company_id, name, effective_from, created_by)
                SELECT :c, x.n, x.f, :by FROM unnest(CAST(:names AS text[]), CAST(:froms AS date[])) WITH ORDINALITY AS x(n, f, i)
                ORDER BY x.i RETURNING id, name, effective_from""")
                .param("c", me.companyId()).param("by", me.id())
                .param("names", lists.keySet().stream().map(ListKey::name).toArray(String[]::new))
                .param("froms", lists.keySet().stream().map(k -> Date.valueOf(k.effectiveFrom())).toArray(Date[]::new))
                .query((rs, n) -> ids.put(new ListKey(rs.getString("name"), rs.getObject("effective_from", LocalDate.class)),
                        rs.getLong("id"))).list();
        jdbc.sql("""
                INSERT INTO price_list_line (company_id, price_list_id, product_id, guide_price)
                SELECT :c, x.l, x.p, x.g FROM unnest(CAST(:lists AS bigint[]), CAST(:products AS bigint[]), CAST(:prices AS numeric[])) AS x(l, p, g)""")
                .param("c", me.companyId())
                .param("lists", rows.stream().map(r -> ids.get(new ListKey(r.list(), r.effectiveFrom()))).toArray(Long[]::new))
                .param("products", rows.stream().map(Row::productId).toArray(Long[]::new))
                .param("prices", rows.stream().map(r -> r.guidePrice().setScale(2)).toArray(BigDecimal[]::new))
                .update();
        Map<Long, Changes> audited = new LinkedHashMap<>();
        lists.forEach((key, lines) -> audited.put(ids.get(key), Changes.of().created("name", key.name())
                .created("effectiveFrom", key.effectiveFrom()).created("lines", lines.size()).created("source", "import")));
        audit.recordAll("price-list", "import", audited);
    }
}
