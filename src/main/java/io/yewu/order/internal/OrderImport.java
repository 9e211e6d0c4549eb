package io.yewu.order.internal;

import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.CellParsers;
import io.yewu.platform.transfer.ImportColumn;
import io.yewu.platform.transfer.ImportFile;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportProgress;
import io.yewu.platform.transfer.ImportRefusals;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.transfer.ImportRow;
import io.yewu.platform.transfer.ImportSpec;
import io.yewu.platform.transfer.Importer;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PLT-10 / ORD-1: orders from a spreadsheet. The rows sharing an order reference (导入单号) are one order's lines;
 * each order goes through the same entry and submission as one typed on screen ({@link Orders#enter}), so every
 * price check, payment mode, deposit, credit approval, credit hold and release decision is made and stored, in a
 * savepoint of its own: an order its rules refuse leaves nothing behind and becomes row errors. The cells are
 * checked first, set-based (customers in the importer's data scope, product codes, references already imported).
 * The reference is stored with the order, so the same file uploaded again makes no second order.
 */
@Service
class OrderImport {

    static final ImportColumn<String> REF = ImportColumn.required("orderRef", "导入单号", "orderRef", CellParsers.text(50));
    static final ImportColumn<String> CUSTOMER = ImportColumn.required("customer", "客户名称", "customer", CellParsers.text(100));
    static final ImportColumn<String> CODE = ImportColumn.required("productCode", "产品编码", "productCode", CellParsers.text(50));
    static final ImportColumn<BigDecimal> QUANTITY = ImportColumn.required("quantity", "数量", "quantity", CellParsers.decimal());
    static final ImportColumn<BigDecimal> PRICE = ImportColumn.required("unitPrice", "单价", "unitPrice", CellParsers.decimal());
    static final ImportColumn<BigDecimal> FEE = ImportColumn.optional("feeShare", "费用比例", "feeShare", CellParsers.decimal());
    static final ImportColumn<Boolean> PREPAY = ImportColumn.optional("payBeforeShipment", "款到发货", "payBeforeShipment", CellParsers.yesNo());
    static final ImportColumn<String> INVOICE_TITLE = ImportColumn.optional("invoiceTitle", "发票抬头", "invoiceTitle", CellParsers.text(200));
    static final ImportColumn<String> DELIVERY_WINDOW = ImportColumn.optional("deliveryWindow", "送货时段", "deliveryWindow", CellParsers.text(100));
    static final ImportColumn<String> CARRIER = ImportColumn.optional("carrier", "承运", "carrier", CellParsers.text(100));
    static final ImportColumn<String> SHIP_TO = ImportColumn.optional("shipTo", "收货地址", "shipTo", CellParsers.text(300));
    static final ImportColumn<String> PHONE = ImportColumn.optional("contactPhone", "联系电话", "contactPhone", CellParsers.text(40));
    static final ImportColumn<String> NOTES = ImportColumn.optional("notes", "备注", "notes", CellParsers.text(2000));
    private static final List<ImportColumn<?>> COLUMNS = List.of(REF, CUSTOMER, CODE, QUANTITY, PRICE, FEE, PREPAY,
            INVOICE_TITLE, DELIVERY_WINDOW, CARRIER, SHIP_TO, PHONE, NOTES);
    /** The order input's fields, for placing a refusal on its cell. */
    private static final Map<String, ImportColumn<?>> ORDER_FIELDS = Map.of("customerId", CUSTOMER, "paymentMode", PREPAY,
            "invoiceTitle", INVOICE_TITLE, "deliveryWindow", DELIVERY_WINDOW, "carrier", CARRIER, "shipTo", SHIP_TO,
            "contactPhone", PHONE, "notes", NOTES);
    private static final Map<String, ImportColumn<?>> LINE_FIELDS = Map.of("productId", CODE, "quantity", QUANTITY,
            "unitPrice", PRICE, "feeShare", FEE);
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    /** One valid row: a line of the order {@code ref}. */
    record Row(int rowNumber, String ref, long customerId, long productId, BigDecimal quantity, BigDecimal unitPrice,
               BigDecimal feeShare, Boolean prepay, Map<ImportColumn<String>, String> texts) {}

    /** What the check learnt for the rows: customer and product ids, and how many rows each reference has. */
    private static final class Seen {
        final Map<Integer, Long> customerOf = new HashMap<>();
        final Map<Integer, Long> productOf = new HashMap<>();
        final Map<String, String> customerOfRef = new HashMap<>();
        final Map<String, Integer> rowsOfRef = new HashMap<>();
    }

    private final JdbcClient jdbc;
    private final Importer importer;
    private final Orders orders;
    private final OrderCustomers customers;

    OrderImport(JdbcClient jdbc, Importer importer, Orders orders, OrderCustomers customers) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.orders = orders;
        this.customers = customers;
    }

    List<ImportColumn<?>> columns() {
        return COLUMNS;
    }

    ImportResult importFile(YewuPrincipal me, ImportFile file, ImportMode mode, ImportProgress progress) {
        Seen seen = new Seen();
        ImportSpec<Row> spec = new ImportSpec<>(COLUMNS, r -> row(r, seen), rows -> check(me, rows, seen));
        return importer.importRecords(spec, file, mode, rows -> write(me, rows, seen, progress), progress);
    }

    @SuppressWarnings("unchecked")
    private static Row row(ImportRow r, Seen seen) {
        Map<ImportColumn<String>, String> texts = new LinkedHashMap<>();
        for (ImportColumn<?> c : List.of(INVOICE_TITLE, DELIVERY_WINDOW, CARRIER, SHIP_TO, PHONE, NOTES)) {
            texts.put((ImportColumn<String>) c, r.get((ImportColumn<String>) c));
        }
        return new Row(r.rowNumber(), r.get(REF), seen.customerOf.get(r.rowNumber()), seen.productOf.get(r.rowNumber()),
                r.get(QUANTITY), r.get(PRICE), r.get(FEE), r.get(PREPAY), texts);
    }

    /**
     * Per thousand rows, three queries: the customers by name within the importer's data scope (a customer outside it
     * reads as unknown, so an import tells nobody whose customer it is), the products by code, and the references this
     * importer already imported. One order names one customer.
     */
    private List<ImportSpec.Refusal> check(YewuPrincipal me, List<ImportRow> rows, Seen seen) {
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        Set<String> refs = new HashSet<>();
        for (ImportRow r : rows) {
            if (r.get(CUSTOMER) != null) names.add(r.get(CUSTOMER));
            if (r.get(CODE) != null) codes.add(r.get(CODE));
            if (r.get(REF) != null) refs.add(r.get(REF));
        }
        Map<String, Long> customerIds = names.isEmpty() ? Map.of() : customers.namedInScope(me, names);
        Map<String, Long> productIds = new HashMap<>();
        jdbc.sql("SELECT id, code FROM product WHERE company_id = :c AND code = ANY(:codes)")
                .param("c", me.companyId()).param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> productIds.put(rs.getString("code"), rs.getLong("id"))).list();
        Map<String, String> imported = new HashMap<>();
        jdbc.sql("SELECT import_ref, number FROM sales_order WHERE company_id = :c AND created_by = :me AND import_ref = ANY(:refs)")
                .param("c", me.companyId()).param("me", me.id()).param("refs", refs.toArray(String[]::new))
                .query((rs, n) -> imported.put(rs.getString("import_ref"), rs.getString("number"))).list();
        List<ImportSpec.Refusal> refused = new ArrayList<>();
        for (ImportRow r : rows) {
            String ref = r.get(REF);
            String customer = r.get(CUSTOMER);
            if (ref != null) {
                seen.rowsOfRef.merge(ref, 1, Integer::sum);
                if (imported.containsKey(ref)) refused.add(new ImportSpec.Refusal(r.rowNumber(), REF, "order-import-ref-taken", imported.get(ref)));
                if (customer != null && !customer.equals(seen.customerOfRef.computeIfAbsent(ref, k -> customer))) {
                    refused.add(new ImportSpec.Refusal(r.rowNumber(), CUSTOMER, "order-import-customer-differs", ref));
                }
            }
            if (customer != null) {
                Long id = customerIds.get(customer);
                if (id == null) refused.add(new ImportSpec.Refusal(r.rowNumber(), CUSTOMER, "import-customer-unknown", customer));
                else seen.customerOf.put(r.rowNumber(), id);
            }
            if (r.get(CODE) != null) {
                Long id = productIds.get(r.get(CODE));
                if (id == null) refused.add(new ImportSpec.Refusal(r.rowNumber(), CODE, "unknown-product-code", r.get(CODE)));
                else seen.productOf.put(r.rowNumber(), id);
            }
        }
        return refused;
    }

    /** Each reference's rows as one order, in file order, each in a savepoint; an order with a bad row is not made. */
    private Importer.Written write(YewuPrincipal me, List<Row> rows, Seen seen, ImportProgress progress) {
        Map<String, List<Row>> byRef = new LinkedHashMap<>();
        for (Row r : rows) byRef.computeIfAbsent(r.ref(), k -> new ArrayList<>()).add(r);
        List<ImportSpec.Refusal> refused = new ArrayList<>();
        int imported = 0;
        for (var e : byRef.entrySet()) {
            List<Row> lines = e.getValue();
            ImportRefusals.Cell first = new ImportRefusals.Cell(lines.getFirst().rowNumber(), REF);
            if (lines.size() < seen.rowsOfRef.getOrDefault(e.getKey(), 0)) {
                lines.forEach(l -> refused.add(new ImportSpec.Refusal(l.rowNumber(), REF, "order-import-incomplete", e.getKey())));
            } else {
                Optional<ProblemException> refusal = importer.attempt(() -> orders.enter(me, input(lines), e.getKey()));
                if (refusal.isEmpty()) {
                    imported += lines.size();
                } else {
                    List<ImportSpec.Refusal> mine = ImportRefusals.of(refusal.get(), field -> cellOf(field, lines), first);
                    refused.addAll(mine);
                    Set<Integer> marked = new HashSet<>();
                    mine.forEach(m -> marked.add(m.row()));
                    lines.stream().filter(l -> !marked.contains(l.rowNumber())).forEach(l ->
                            refused.add(new ImportSpec.Refusal(l.rowNumber(), REF, "order-import-refused", e.getKey())));
                }
            }
            progress.written(lines.size());
        }
        return new Importer.Written(imported, refused);
    }

    /** The order as it would be typed: the lines in file order, the order's own fields from its first row that has them. */
    private static Orders.OrderInput input(List<Row> lines) {
        Map<ImportColumn<String>, String> texts = new HashMap<>();
        Boolean prepay = null;
        for (Row l : lines) {
            l.texts().forEach((c, v) -> {
                if (v != null) texts.putIfAbsent(c, v);
            });
            if (prepay == null) prepay = l.prepay();
        }
        return new Orders.OrderInput(lines.getFirst().customerId(),
                lines.stream().map(l -> new LineChecks.LineInput(l.productId(), l.quantity(), l.unitPrice(), l.feeShare(), null)).toList(),
                Boolean.TRUE.equals(prepay) ? "PAY_BEFORE_SHIPMENT" : null, null,
                texts.get(INVOICE_TITLE), texts.get(DELIVERY_WINDOW), texts.get(CARRIER), texts.get(NOTES), texts.get(SHIP_TO),
                texts.get(PHONE), true, null);
    }

    private static ImportRefusals.Cell cellOf(String field, List<Row> lines) {
        Matcher m = LINE_FIELD.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            ImportColumn<?> column = LINE_FIELDS.get(m.group(2));
            return i < lines.size() && column != null ? new ImportRefusals.Cell(lines.get(i).rowNumber(), column) : null;
        }
        ImportColumn<?> column = ORDER_FIELDS.get(field);
        return column == null ? null : new ImportRefusals.Cell(lines.getFirst().rowNumber(), Objects.requireNonNull(column));
    }
}
