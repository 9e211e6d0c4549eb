package io.yewu.customer.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.settings.Settings;
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
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PLT-10 customer and lead import. Every row is checked first — including against existing files and the rest of
 * the file, so a duplicate is a row error, never a second file (CUS-6) — then rows are written set-based, a few
 * statements per batch of 500; the file is read twice, a row at a time (issue 9, {@link Importer#importOrReport}).
 * A salesperson's import is theirs; anyone else's lands in the pool as leads.
 */
@Service
class CustomerImport {

    static final ImportColumn<String> CREDIT_CODE = ImportColumn.optional("creditCode", "统一社会信用代码", "creditCode",
            s -> CustomerKeys.creditCode(s).<CellParser.Result<String>>map(CellParser::ok).orElse(CellParser.error("credit-code")));
    static final ImportColumn<String> CITY = ImportColumn.required("city", "城市", "city",
            s -> Cities.canonical(s).<CellParser.Result<String>>map(CellParser::ok).orElse(CellParser.error("unknown-city", s)));
    static final ImportColumn<String> ADDRESS = ImportColumn.optional("address", "地址", "address", CellParsers.text(200));
    static final ImportColumn<String> CONTACT = ImportColumn.optional("contactName", "联系人", "contactName", CellParsers.text(50));
    static final ImportColumn<String> POSITION = ImportColumn.optional("position", "职位", "position", CellParsers.text(50));
    static final ImportColumn<String> CLASS = ImportColumn.optional("customerClass", "客户分类", "customerClass", CellParsers.text(50));
    static final ImportColumn<String> FORMAT = ImportColumn.optional("businessFormat", "业态", "businessFormat", CellParsers.text(50));
    static final ImportColumn<String> CATEGORY = ImportColumn.optional("productCategory", "产品类别", "productCategory", CellParsers.text(50));
    static final ImportColumn<String> TAGS = ImportColumn.optional("tags", "标签", "tags", CellParsers.text(200));
    /** The customer's location for the check-in distance (CUS-14); kept only when both are given. */
    static final ImportColumn<Double> LAT = ImportColumn.optional("lat", "纬度", "lat", coordinate(90));
    static final ImportColumn<Double> LNG = ImportColumn.optional("lng", "经度", "lng", coordinate(180));

    private record Row(String name, String creditCode, String city, String address, String contact, String phone,
                       String email, String position, String customerClass, String format, String category, List<String> tags,
                       Double lat, Double lng) {}

    private static CellParser<Double> coordinate(double limit) {
        return s -> {
            try {
                double v = Double.parseDouble(s.strip());
                return Double.isFinite(v) && Math.abs(v) <= limit ? CellParser.ok(v) : CellParser.error("coordinate", limit);
            } catch (NumberFormatException e) {
                return CellParser.error("coordinate", limit);
            }
        };
    }

    private final JdbcClient jdbc;
    private final Importer importer;
    private final AuditTrail audit;
    private final Clock clock;
    private final DecisionRecords decisions;
    private final Settings settings;
    private final JsonMapper json;

    CustomerImport(JdbcClient jdbc, Importer importer, AuditTrail audit, Clock clock, DecisionRecords decisions,
                   Settings settings, JsonMapper json) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.audit = audit;
        this.clock = clock;
        this.decisions = decisions;
        this.settings = settings;
        this.json = json;
    }

    ImportResult importFile(YewuPrincipal user, ImportFile file, ImportMode mode, boolean asLeads, ImportProgress progress) {
        boolean owned = !asLeads && user.hasRole(RoleCode.SALESPERSON);
        ImportResult result = importer.importOrReport(() -> spec(user.companyId()), file, mode, batch -> {
            write(user, batch, owned, asLeads);
            progress.written(batch.size());
        }, progress::writing);
        if (mode == ImportMode.ALL_OR_NOTHING && !result.problems().isEmpty()) return result;
        audit.record("customer-import", file.name() == null ? "file" : file.name(), asLeads ? "import-leads" : "import",
                Changes.of().created("rows", result.rows()).created("imported", result.imported()));
        return result;
    }

    /** The columns of the file, for its template. */
    List<ImportColumn<?>> columns(long companyId) {
        return spec(companyId).columns();
    }

    /**
     * A fresh spec per file: the duplicate guards remember the keys seen earlier in the same file; the keys are
     * checked against existing files a thousand rows per query (CUS-6).
     */
    private ImportSpec<Row> spec(long companyId) {
        Set<String> seen = new HashSet<>();
        Map<CustomerKeys.Kind, java.util.function.Function<String, String>> normal = Map.of(
                CustomerKeys.Kind.NAME, s -> s.length() > 100 ? null : CustomerKeys.name(s),
                CustomerKeys.Kind.PHONE, s -> CustomerKeys.phone(s).orElse(null),
                CustomerKeys.Kind.EMAIL, s -> CustomerKeys.email(s).orElse(null));
        ImportColumn<String> name = ImportColumn.required("name", "客户名称", "name",
                unique(seen, CustomerKeys.Kind.NAME, normal.get(CustomerKeys.Kind.NAME)));
        ImportColumn<String> phone = ImportColumn.optional("phone", "电话", "phone",
                unique(seen, CustomerKeys.Kind.PHONE, normal.get(CustomerKeys.Kind.PHONE)));
        ImportColumn<String> email = ImportColumn.optional("email", "邮箱", "email",
                unique(seen, CustomerKeys.Kind.EMAIL, normal.get(CustomerKeys.Kind.EMAIL)));
        Map<CustomerKeys.Kind, ImportColumn<String>> keyed = Map.of(CustomerKeys.Kind.NAME, name,
                CustomerKeys.Kind.PHONE, phone, CustomerKeys.Kind.EMAIL, email);
        return new ImportSpec<>(List.of(name, CREDIT_CODE, CITY, ADDRESS, CONTACT, phone, email, POSITION, CLASS, FORMAT,
                CATEGORY, TAGS, LAT, LNG), r -> new Row(r.get(name), r.get(CREDIT_CODE), r.get(CITY), r.get(ADDRESS), r.get(CONTACT),
                r.get(phone), r.get(email), r.get(POSITION), r.get(CLASS), r.get(FORMAT), r.get(CATEGORY),
                r.get(TAGS) == null ? List.of() : Arrays.stream(r.get(TAGS).split("[,，;；]")).map(String::strip)
                        .filter(t -> !t.isEmpty()).limit(10).toList(), r.get(LAT), r.get(LNG)),
                rows -> existing(companyId, rows, keyed, normal));
    }

    /** In-file duplicates at once; existing files by {@link #existing}, set-based. */
    private static CellParser<String> unique(Set<String> seen, CustomerKeys.Kind kind,
                                             java.util.function.Function<String, String> normalise) {
        return text -> {
            String key = normalise.apply(text.strip());
            if (key == null || key.isEmpty()) return CellParser.error(kind == CustomerKeys.Kind.NAME ? "invalid" : kind.name().toLowerCase());
            if (!seen.add(kind + ":" + key)) return CellParser.error("duplicate-in-file");
            return CellParser.ok(text.strip());
        };
    }

    /** The rows' name, phone and e-mail keys that already belong to a file: one query for the whole batch. */
    private List<ImportSpec.Refusal> existing(long companyId, List<ImportRow> rows,
                                              Map<CustomerKeys.Kind, ImportColumn<String>> columns,
                                              Map<CustomerKeys.Kind, java.util.function.Function<String, String>> normal) {
        record Cell(int row, ImportColumn<String> column) {}
        Map<String, Cell> byKey = new java.util.LinkedHashMap<>();
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ImportRow row : rows) {
            columns.forEach((kind, column) -> {
                String text = row.get(column);
                if (text == null) return;
                String key = normal.get(kind).apply(text);
                if (byKey.putIfAbsent(kind.name() + ":" + key, new Cell(row.rowNumber(), column)) == null) {
                    kinds.add(kind.name());
                    values.add(key);
                }
            });
        }
        if (kinds.isEmpty()) return List.of();
        List<ImportSpec.Refusal> refused = new ArrayList<>();
        jdbc.sql("""
                SELECT k.kind, k.value, u.display_name FROM customer_key k
                JOIN customer c ON c.company_id = k.company_id AND c.id = k.customer_id
                LEFT JOIN app_user u ON u.id = c.owner_id
                WHERE k.company_id = :c AND (k.kind, k.value) IN (SELECT x.k, x.v FROM unnest(CAST(:kinds AS text[]), CAST(:vals AS text[])) AS x(k, v))""")
                .param("c", companyId).param("kinds", kinds.toArray(String[]::new)).param("vals", values.toArray(String[]::new))
                .query(rs -> {
                    Cell cell = byKey.get(rs.getString("kind") + ":" + rs.getString("value"));
                    if (cell == null) return;
                    String owner = rs.getString("display_name");
                    refused.add(owner == null ? new ImportSpec.Refusal(cell.row(), cell.column(), "duplicate-pool")
                            : new ImportSpec.Refusal(cell.row(), cell.column(), "duplicate-existing", owner));
                });
        return refused;
    }

    /**
     * Imported coordinates (CUS-14): from someone who visits customers (salesperson, account manager) they only
     * propose a point for a manager to confirm, since a visitor never sets the point they are measured from; from
     * anyone else (a manager, the administrator) they are the customer's location.
     */
    private void importLocations(YewuPrincipal user, List<Long> ids, List<Row> rows) {
        List<Long> located = new ArrayList<>();
        List<Double> lats = new ArrayList<>();
        List<Double> lngs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).lat() == null || rows.get(i).lng() == null) continue;
            located.add(ids.get(i));
            lats.add(rows.get(i).lat());
            lngs.add(rows.get(i).lng());
        }
        if (located.isEmpty()) return;
        boolean visitor = user.hasRole(RoleCode.SALESPERSON) || user.hasRole(RoleCode.ACCOUNT_MANAGER);
        String insert = visitor
                ? "INSERT INTO customer_location_proposal (company_id, customer_id, lat, lng, proposed_by) SELECT :c, id, lat, lng, :u"
                : "INSERT INTO customer_location (company_id, customer_id, lat, lng, source, set_by) SELECT :c, id, lat, lng, 'IMPORT', :u";
        jdbc.sql(insert + " FROM unnest(CAST(:ids AS bigint[]), CAST(:lats AS float8[]), CAST(:lngs AS float8[])) AS x(id, lat, lng)")
                .param("c", user.companyId()).param("u", user.id()).param("ids", located.toArray(Long[]::new))
                .param("lats", lats.toArray(Double[]::new)).param("lngs", lngs.toArray(Double[]::new)).update();
    }

    /** CUS-4/CUS-5/CUS-6 for an imported row: checked against every file and the rest of the file, then owned or pooled. */
    private Decision<String> ownershipDecision(YewuPrincipal user, boolean owned, boolean asLeads, Instant now) {
        long version = settings.snapshotAt(now).version();
        RuleHit unique = new RuleHit("CUS-6", "导入前逐行按名称、信用代码、电话、邮箱查重（含文件内重复），无重复",
                "Each row was checked against every file and the rest of the import by name, credit code, phone and e-mail: no match",
                Map.of("checkedKeys", List.of("NAME", "CREDIT_CODE", "PHONE", "EMAIL")));
        Map<String, Object> who = Map.of("importedBy", user.displayName(), "importerIsSalesperson", user.hasRole(RoleCode.SALESPERSON),
                "asLeads", asLeads, "importedAt", now.toString());
        if (owned) {
            return Decision.of("IMPORTER", version, unique, new RuleHit("CUS-4",
                    "业务员导入的自有客户归导入人跟踪", "Customers a salesperson imports as their own belong to that salesperson", who));
        }
        return Decision.of("POOL", version, unique, new RuleHit("CUS-5",
                "非业务员本人的导入（或按线索导入）进入线索池，由业务经理分配",
                "An import as leads, or by anyone but a salesperson for themselves, lands in the pool for the business manager to distribute",
                who));
    }

    private void write(YewuPrincipal user, List<Row> rows, boolean owned, boolean asLeads) {
        long c = user.companyId();
        Instant now = clock.instant();
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('customer', 'id')) FROM generate_series(1, :n)")
                .param("n", rows.size()).query(Long.class).list();
        jdbc.sql("""
                INSERT INTO customer (id, company_id, name, credit_code, city, address, business_format, customer_class,
                    source, stage, owner_id, department_id, product_category, tags, intention_on, created_by)
                OVERRIDING SYSTEM VALUE
                SELECT r.id, :c, r.name, r.code, r.city, coalesce(r.address, ''), coalesce(r.format, ''), coalesce(r.class, ''),
                       :source, :stage, :owner, :dept, coalesce(r.category, ''), string_to_array(r.tags, chr(31)), :intentionOn, :by
                FROM unnest(CAST(:ids AS bigint[]), CAST(:names AS text[]), CAST(:codes AS text[]), CAST(:cities AS text[]),
                            CAST(:addresses AS text[]), CAST(:formats AS text[]), CAST(:classes AS text[]),
                            CAST(:categories AS text[]), CAST(:tags AS text[]))
                     AS r(id, name, code, city, address, format, class, category, tags)""")
                .param("c", c).param("source", asLeads ? "ONLINE" : "IMPORT").param("stage", owned ? "INTENTION" : "LEAD")
                .param("owner", owned ? user.id() : null).param("dept", user.departmentId())
                .param("intentionOn", owned ? LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")) : null).param("by", user.id())
                .param("ids", ids.toArray(Long[]::new))
                .param("names", rows.stream().map(Row::name).toArray(String[]::new))
                .param("codes", rows.stream().map(Row::creditCode).toArray(String[]::new))
                .param("cities", rows.stream().map(Row::city).toArray(String[]::new))
                .param("addresses", rows.stream().map(Row::address).toArray(String[]::new))
                .param("formats", rows.stream().map(Row::format).toArray(String[]::new))
                .param("classes", rows.stream().map(Row::customerClass).toArray(String[]::new))
                .param("categories", rows.stream().map(Row::category).toArray(String[]::new))
                .param("tags", rows.stream().map(r -> String.join("\u001f", r.tags())).toArray(String[]::new))
                .update();
        List<Long> keyIds = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            for (var key : CustomerKeys.of(r.name(), r.creditCode(), r.phone() == null ? List.of() : List.of(r.phone()),
                    r.email() == null ? List.of() : List.of(r.email()))) {
                keyIds.add(ids.get(i));
                kinds.add(key.kind().name());
                values.add(key.value());
            }
        }
        int keys = jdbc.sql("""
                INSERT INTO customer_key (company_id, kind, value, customer_id)
                SELECT :c, k, v, id FROM unnest(CAST(:kinds AS text[]), CAST(:vals AS text[]), CAST(:ids AS bigint[])) AS x(k, v, id)
                ON CONFLICT DO NOTHING""")
                .param("c", c).param("kinds", kinds.toArray(String[]::new)).param("vals", values.toArray(String[]::new))
                .param("ids", keyIds.toArray(Long[]::new)).update();
        if (keys < kinds.size()) throw ProblemException.conflict("duplicate"); // filed by someone else meanwhile: retry
        jdbc.sql("""
                INSERT INTO customer_contact (company_id, customer_id, name, phone, email, position)
                SELECT :c, id, coalesce(n, ''), coalesce(p, ''), coalesce(e, ''), coalesce(pos, '')
                FROM unnest(CAST(:ids AS bigint[]), CAST(:names AS text[]), CAST(:phones AS text[]), CAST(:emails AS text[]),
                            CAST(:positions AS text[])) AS x(id, n, p, e, pos)
                WHERE n IS NOT NULL OR p IS NOT NULL OR e IS NOT NULL""")
                .param("c", c).param("ids", ids.toArray(Long[]::new))
                .param("names", rows.stream().map(r -> r.contact() != null ? r.contact() : r.phone() != null || r.email() != null ? r.name() : null).toArray(String[]::new))
                .param("phones", rows.stream().map(r -> r.phone() == null ? null : CustomerKeys.phone(r.phone()).orElse(null)).toArray(String[]::new))
                .param("emails", rows.stream().map(r -> r.email() == null ? null : CustomerKeys.email(r.email()).orElse(null)).toArray(String[]::new))
                .param("positions", rows.stream().map(Row::position).toArray(String[]::new))
                .update();
        importLocations(user, ids, rows);
        // who owns each imported row is an automated outcome: stored with its inputs (PLT-1), beside the period it opens
        Decision<String> decision = ownershipDecision(user, owned, asLeads, now);
        List<String> subjects = ids.stream().map(String::valueOf).toList();
        decisions.recordAll("customer", subjects, owned ? "ownership" : "lead-entry", decision);
        if (owned) {
            jdbc.sql("""
                    INSERT INTO customer_ownership (company_id, customer_id, owner_id, valid_from, reason, decision, recorded_by)
                    SELECT :c, id, :owner, :at, 'IMPORT', CAST(:decision AS jsonb), :owner FROM unnest(CAST(:ids AS bigint[])) AS x(id)""")
                    .param("c", c).param("owner", user.id()).param("at", now.atOffset(java.time.ZoneOffset.UTC))
                    .param("decision", json.writeValueAsString(decision)).param("ids", ids.toArray(Long[]::new)).update();
        }
    }
}
