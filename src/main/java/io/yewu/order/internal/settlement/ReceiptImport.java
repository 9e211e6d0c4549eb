package io.yewu.order.internal.settlement;

import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.CellParser;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PLT-10 / RCV-1: receipts from a bank statement or cash book. Each row is recorded and matched through the same
 * path as one entered on screen ({@link Receipts#recordOne}): oldest open order first unless the row names an order,
 * more than the customer owes refused unless the row says to leave the balance on account, credited to the owner on
 * the receipt date (RCV-2), commission accrued. Rows are written in file order, each in a savepoint, so a later row of
 * the same customer meets what the earlier ones left open. The bank serial number (流水号) is the row's key: a
 * serial already recorded for the customer is a row error, so the same statement uploaded again records nothing twice.
 */
@Service
class ReceiptImport {

    static final ImportColumn<String> CUSTOMER = ImportColumn.required("customer", "客户名称", "customer", CellParsers.text(100));
    static final ImportColumn<String> METHOD = ImportColumn.required("method", "收款方式", "method", s -> switch (s.strip().toUpperCase()) {
        case "银行", "银行转账", "转账", "BANK" -> CellParser.ok("BANK");
        case "现金", "CASH" -> CellParser.ok("CASH");
        default -> CellParser.error("receipt-method");
    });
    static final ImportColumn<BigDecimal> AMOUNT = ImportColumn.required("amount", "金额", "amount", CellParsers.decimal());
    static final ImportColumn<LocalDate> DATE = ImportColumn.required("receivedOn", "到帐日期", "receivedOn", CellParsers.date())
            .withAliases("到账日期");
    static final ImportColumn<String> REFERENCE = ImportColumn.required("reference", "流水号", "reference", CellParsers.text(100));
    static final ImportColumn<String> ORDER = ImportColumn.optional("orderNumber", "订单号", "orderNumber", CellParsers.text(40));
    static final ImportColumn<Boolean> ON_ACCOUNT = ImportColumn.optional("leaveOnAccount", "余额挂帐", "leaveOnAccount", CellParsers.yesNo());
    private static final List<ImportColumn<?>> COLUMNS = List.of(CUSTOMER, METHOD, AMOUNT, DATE, REFERENCE, ORDER, ON_ACCOUNT);
    private static final Map<String, ImportColumn<?>> FIELDS = Map.of("customerId", CUSTOMER, "method", METHOD, "amount", AMOUNT,
            "receivedOn", DATE, "reference", REFERENCE, "orderIds[0]", ORDER, "leaveOnAccount", ON_ACCOUNT);

    record Row(int rowNumber, long customerId, String method, BigDecimal amount, LocalDate receivedOn, String reference,
               Long orderId, boolean leaveOnAccount) {}

    private final JdbcClient jdbc;
    private final Importer importer;
    private final Receipts receipts;

    ReceiptImport(JdbcClient jdbc, Importer importer, Receipts receipts) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.receipts = receipts;
    }

    List<ImportColumn<?>> columns() {
        return COLUMNS;
    }

    ImportResult importFile(YewuPrincipal me, ImportFile file, ImportMode mode, ImportProgress progress) {
        Map<Integer, Long> customerOf = new HashMap<>();
        Map<Integer, Long> orderOf = new HashMap<>();
        Set<String> seen = new HashSet<>();
        ImportSpec<Row> spec = new ImportSpec<>(COLUMNS, r -> new Row(r.rowNumber(), customerOf.get(r.rowNumber()), r.get(METHOD),
                r.get(AMOUNT), r.get(DATE), r.get(REFERENCE), orderOf.get(r.rowNumber()), Boolean.TRUE.equals(r.get(ON_ACCOUNT))),
                rows -> check(me, rows, customerOf, orderOf, seen));
        return importer.importRecords(spec, file, mode, rows -> write(me, rows, progress), progress);
    }

    private static String key(long customerId, String reference) {
        return customerId + "\u001f" + reference;
    }

    /**
     * Per thousand rows, three queries: the customers by name within the importer's data scope, the named orders, and
     * the serial numbers already recorded for those customers.
     */
    private List<ImportSpec.Refusal> check(YewuPrincipal me, List<ImportRow> rows, Map<Integer, Long> customerOf,
                                           Map<Integer, Long> orderOf, Set<String> seen) {
        DataScope.Condition scope = DataScope.of(me, "c.company_id", "c.owner_id");
        Map<String, Long> customers = new HashMap<>();
        jdbc.sql("SELECT c.id, c.name FROM customer c WHERE c.name = ANY(:names) AND " + scope.sql()).params(scope.params())
                .param("names", rows.stream().map(r -> r.get(CUSTOMER)).filter(java.util.Objects::nonNull).distinct().toArray(String[]::new))
                .query((rs, n) -> customers.put(rs.getString("name"), rs.getLong("id"))).list();
        record Order(long id, long customerId) {}
        Map<String, Order> orders = new HashMap<>();
        jdbc.sql("SELECT id, number, customer_id FROM sales_order WHERE company_id = :c AND number = ANY(:numbers)")
                .param("c", me.companyId())
                .param("numbers", rows.stream().map(r -> r.get(ORDER)).filter(java.util.Objects::nonNull).distinct().toArray(String[]::new))
                .query((rs, n) -> orders.put(rs.getString("number"), new Order(rs.getLong("id"), rs.getLong("customer_id")))).list();
        Set<String> recorded = recorded(me.companyId(), customers.values(),
                rows.stream().map(r -> r.get(REFERENCE)).filter(java.util.Objects::nonNull).distinct().toList());
        List<ImportSpec.Refusal> refused = new ArrayList<>();
        for (ImportRow r : rows) {
            Long customer = r.get(CUSTOMER) == null ? null : customers.get(r.get(CUSTOMER));
            if (r.get(CUSTOMER) != null && customer == null) {
                refused.add(new ImportSpec.Refusal(r.rowNumber(), CUSTOMER, "import-customer-unknown", r.get(CUSTOMER)));
            } else if (customer != null) {
                customerOf.put(r.rowNumber(), customer);
            }
            String reference = r.get(REFERENCE);
            if (customer != null && reference != null) {
                if (recorded.contains(key(customer, reference))) {
                    refused.add(new ImportSpec.Refusal(r.rowNumber(), REFERENCE, "receipt-imported", reference));
                } else if (!seen.add(key(customer, reference))) {
                    refused.add(new ImportSpec.Refusal(r.rowNumber(), REFERENCE, "duplicate-in-file"));
                }
            }
            String number = r.get(ORDER);
            if (number != null) {
                Order o = orders.get(number);
                if (o == null || (customer != null && o.customerId() != customer)) {
                    refused.add(new ImportSpec.Refusal(r.rowNumber(), ORDER, "receipt-order-unknown", number));
                } else orderOf.put(r.rowNumber(), o.id());
            }
        }
        return refused;
    }

    /** customer + serial number of the receipts already recorded for these customers with these serials. */
    private Set<String> recorded(long companyId, java.util.Collection<Long> customers, List<String> references) {
        Set<String> out = new HashSet<>();
        if (customers.isEmpty() || references.isEmpty()) return out;
        jdbc.sql("SELECT customer_id, reference FROM receipt WHERE company_id = :c AND customer_id = ANY(:customers) AND reference = ANY(:refs)")
                .param("c", companyId).param("customers", customers.toArray(Long[]::new)).param("refs", references.toArray(String[]::new))
                .query((rs, n) -> out.add(key(rs.getLong("customer_id"), rs.getString("reference")))).list();
        return out;
    }

    /**
     * The company's receipt imports one at a time (a transaction lock), the serials checked again under it — the same
     * file uploaded twice at once records each receipt once — then each row through settlement, in file order.
     */
    private Importer.Written write(YewuPrincipal me, List<Row> rows, ImportProgress progress) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('receipt-import'), CAST(:c AS integer))").param("c", me.companyId())
                .query((rs, n) -> 1).list();
        Set<String> recorded = recorded(me.companyId(), rows.stream().map(Row::customerId).distinct().toList(),
                rows.stream().map(Row::reference).distinct().toList());
        List<ImportSpec.Refusal> refused = new ArrayList<>();
        int imported = 0;
        for (Row r : rows) {
            ImportRefusals.Cell first = new ImportRefusals.Cell(r.rowNumber(), AMOUNT);
            Optional<ProblemException> refusal = recorded.contains(key(r.customerId(), r.reference()))
                    ? Optional.of(ProblemException.conflict("import-written-meanwhile"))
                    : importer.attempt(() -> receipts.recordOne(me, new Receipts.ReceiptInput(r.customerId(), r.method(), r.amount(),
                            r.receivedOn(), r.reference(), r.orderId() == null ? null : List.of(r.orderId()), r.leaveOnAccount())));
            if (refusal.isEmpty()) imported++;
            else refused.addAll(ImportRefusals.of(refusal.get(), field -> {
                ImportColumn<?> column = FIELDS.get(field);
                return column == null ? null : new ImportRefusals.Cell(r.rowNumber(), column);
            }, first));
            progress.written(1);
        }
        return new Importer.Written(imported, refused);
    }
}
