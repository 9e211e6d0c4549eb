package io.yewu.customer.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.write.FollowingWrite;
import io.yewu.platform.write.OneStatement;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files customers and enters leads under the first-filer rule (CUS-4, CUS-5, CUS-6). The normalised keys are
 * inserted with the file in one transaction; the database's unique key decides a race, so two people filing the
 * same customer at the same moment end with one file and one claim. A salesperson's losing attempt is recorded as
 * a claim; the answer names the customer and its owner but shows none of its contacts, notes or terms.
 */
@Service
public class CustomerFiling {

    public enum Mode { SALESPERSON_FILES, LEAD_ENTRY, IMPORT }

    /** An existing file one of the new file's keys matched. */
    public record Match(long customerId, String name, Long ownerId, String ownerName, String stage, String matchedOn) {}

    private static final class LostRace extends RuntimeException {
        LostRace() { super(null, null, false, false); }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final OwnershipLedger ledger;
    private final AuditTrail audit;
    private final DecisionRecords decisions;
    private final Notifier notifier;
    private final UserDirectory users;
    private final Settings settings;
    private final JsonMapper json;
    private final Clock clock;

    CustomerFiling(JdbcClient jdbc, TransactionTemplate tx, OwnershipLedger ledger, AuditTrail audit,
                   DecisionRecords decisions, Notifier notifier, UserDirectory users, Settings settings, JsonMapper json,
                   Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.audit = audit;
        this.decisions = decisions;
        this.notifier = notifier;
        this.users = users;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Files one customer; throws 409 {@code customer-exists} (after recording the claim) when it matches a file. */
    public long file(YewuPrincipal user, CustomerInput in, Mode mode) {
        return fileAndShow(user, in, mode).id();
    }

    /**
     * Files one customer and answers with the file as its filer now sees it (the detail's {@link
     * CustomerQueries#customer} view), built from the rows the filing wrote rather than read back afterwards; throws
     * 409 {@code customer-exists} (after recording the claim) when it matches a file.
     */
    public CustomerQueries.Customer fileAndShow(YewuPrincipal user, CustomerInput in, Mode mode) {
        List<ProblemException.FieldProblem> problems = new java.util.ArrayList<>(CustomerValidation.validate(in));
        if (in.parentId() != null && !parentInScope(user, in.parentId())) {
            problems.add(new ProblemException.FieldProblem("parentId", "parent-unknown"));
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        Set<CustomerKeys.Key> keys = CustomerKeys.of(in.name(), in.creditCode(), in.phones(), in.emails());
        CustomerQueries.Customer filed = tx.execute(s -> {
            if (findMatch(user.companyId(), keys).isPresent()) return null;
            try {
                return insert(user, in, keys, mode);
            } catch (LostRace race) {
                return null; // another filer committed the same key a moment earlier: fall through to the claim
            }
        });
        if (filed != null) return filed;
        Match match = findMatch(user.companyId(), keys).orElseThrow();
        throw refuse(user, in, match, mode);
    }

    /** A parent file must exist in the filer's company and within their scope; otherwise it does not exist for them. */
    private boolean parentInScope(YewuPrincipal user, long parentId) {
        CustomerAccess access = CustomerAccess.of(user, "c");
        return jdbc.sql("SELECT count(*) FROM customer c WHERE c.id = :parent AND " + access.inScopeSql())
                .params(access.params()).param("parent", parentId).query(Long.class).single() > 0;
    }

    /**
     * The matches a new file with these details would collide with, for the as-you-type check and the filing.
     * The pairs are a list of parameters of the keys' own length, not an array to unnest: PostgreSQL estimates an
     * array parameter at 10 elements, so the generic plan of the unnest form looked three times as dear as the custom
     * plans and the statement was planned anew on every call (1.1 ms of planning for 0.1 ms of execution). With one
     * text per key count its generic plan costs what the custom plans cost, and a connection plans it once
     * ({@code KeyLookUpPlanIT}).
     */
    public List<Match> matches(long companyId, Set<CustomerKeys.Key> keys) {
        if (keys.isEmpty()) return List.of();
        var spec = jdbc.sql(lookUpSql(keys.size())).param("c", companyId);
        int i = 0;
        for (CustomerKeys.Key key : keys) {
            spec = spec.param("k" + i, key.kind().name()).param("v" + i, key.value());
            i++;
        }
        return spec.query((rs, n) -> new Match(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("owner_id", Long.class), rs.getString("owner_name"), rs.getString("stage"), rs.getString("kind")))
                .list();
    }

    private static final List<String> LOOK_UPS = java.util.stream.IntStream.rangeClosed(1, 16).mapToObj(CustomerFiling::buildLookUpSql).toList();

    private static String lookUpSql(int pairs) {
        return pairs <= LOOK_UPS.size() ? LOOK_UPS.get(pairs - 1) : buildLookUpSql(pairs);
    }

    private static String buildLookUpSql(int pairs) {
        String in = java.util.stream.IntStream.range(0, pairs).mapToObj(i -> "(:k" + i + ", :v" + i + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        return """
                SELECT DISTINCT ON (c.id) c.id, c.name, c.owner_id, u.display_name AS owner_name, c.stage, k.kind
                FROM customer_key k JOIN customer c ON c.company_id = k.company_id AND c.id = k.customer_id
                LEFT JOIN app_user u ON u.id = c.owner_id
                WHERE k.company_id = :c AND (k.kind, k.value) IN (%s)
                ORDER BY c.id, CASE k.kind WHEN 'CREDIT_CODE' THEN 1 WHEN 'NAME' THEN 2 WHEN 'PHONE' THEN 3 ELSE 4 END
                LIMIT 10""".formatted(in);
    }

    private Optional<Match> findMatch(long companyId, Set<CustomerKeys.Key> keys) {
        return matches(companyId, keys).stream().findFirst();
    }

    /**
     * The file, its keys, contacts, decision, ownership period and audit entry as one statement (decision 0049): one
     * round trip instead of six. The keys go in with {@code ON CONFLICT DO NOTHING}; the rows that follow the file are
     * written only when every key was this file's ({@code won}), so a filing that lost a key to another filer a moment
     * earlier leaves only the file and its keys, which it then takes back.
     */
    private CustomerQueries.Customer insert(YewuPrincipal user, CustomerInput in, Set<CustomerKeys.Key> keys, Mode mode) {
        Instant now = clock.instant();
        boolean lead = mode == Mode.LEAD_ENTRY;
        String source = switch (mode) { case LEAD_ENTRY -> "ONLINE"; case SALESPERSON_FILES -> "SELF"; case IMPORT -> "IMPORT"; };
        Decision<String> decision = filedDecision(user, lead, keys, now, source);
        OneStatement write = new OneStatement().part("filed", """
                INSERT INTO customer (company_id, name, credit_code, city, address, business_format, customer_class,
                    key_account, parent_id, source, stage, owner_id, department_id, product_category, notes, tags,
                    intention_on, created_by)
                VALUES (:c, :name, :code, :city, :address, :format, :class, :ka, :parent, :source, :stage, :owner,
                    :dept, :category, :notes, :tags, :intentionOn, :by)
                RETURNING *""");
        write.part("keys", """
                INSERT INTO customer_key (company_id, kind, value, customer_id)
                SELECT :c, k.kind, k.value, filed.id FROM filed, (%s) AS k(n, kind, value)
                ON CONFLICT DO NOTHING RETURNING kind""".formatted(write.values(keys.stream()
                .map(k -> new Object[]{k.kind().name(), k.value()}).toList(), "text", "text")));
        write.part("won", "SELECT count(*) = " + keys.size() + " AS all_keys FROM keys");
        FollowingWrite.Subject file = new FollowingWrite.Subject("filed, won", "filed.id", "won.all_keys");
        write.part("contacts", contactsSql(write, in.contacts()));
        write.then("decision", decisions.following("customer", lead ? "lead-entry" : "ownership", decision), file);
        if (!lead) write.then("ownership", ledger.opening(user.companyId(), user.id(), now, "FILED", null,
                json.writeValueAsString(decision), user.id()), file);
        write.then("audit", audit.following("customer", lead ? "enter-lead" : "file", Changes.of()
                .created("name", in.name().strip()).created("city", in.city().strip()).created("source", source)), file);
        // the file as its filer sees it, from the inserted row: a filer always sees what they filed (their own file,
        // or a lead in their company's pool), so an empty answer can only mean a broken scope rule: nothing is kept
        CustomerAccess access = CustomerAccess.of(user, "c");
        record Row(CustomerQueries.Customer file, boolean won, CustomerQueries.Contact contact) {}
        List<Row> rows = jdbc.sql(write.sql("""
                SELECT f.*, won.all_keys, ct.id AS contact_id, ct.name AS contact_name, ct.phone AS contact_phone,
                       ct.email AS contact_email, ct.position AS contact_position
                FROM (%s WHERE %s) f CROSS JOIN won LEFT JOIN contacts ct ON true ORDER BY ct.id"""
                        .formatted(CustomerQueries.fileSql(access, "filed"), access.visibleSql())))
                .params(access.params()).params(write.params())
                .param("c", user.companyId()).param("name", in.name().strip())
                .param("code", CustomerValidation.blank(in.creditCode()) ? null : CustomerKeys.creditCode(in.creditCode()).orElseThrow())
                .param("city", Cities.canonical(in.city()).orElseThrow())
                .param("address", text(in.address())).param("format", text(in.businessFormat()))
                .param("class", text(in.customerClass())).param("ka", Boolean.TRUE.equals(in.keyAccount()))
                .param("parent", in.parentId()).param("source", source).param("stage", lead ? "LEAD" : "INTENTION")
                .param("owner", lead ? null : user.id()).param("dept", user.departmentId())
                .param("category", text(in.productCategory())).param("notes", text(in.notes()))
                .param("tags", in.tags().stream().map(String::strip).toArray(String[]::new))
                .param("intentionOn", lead ? null : LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")))
                .param("by", user.id())
                .query((rs, n) -> new Row(n == 0 ? CustomerQueries.customer(rs, access.hidden()) : null, rs.getBoolean("all_keys"),
                        rs.getObject("contact_id") == null ? null : new CustomerQueries.Contact(rs.getLong("contact_id"),
                                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"),
                                rs.getString("contact_position"))))
                .list();
        if (rows.isEmpty()) throw new IllegalStateException("a filer cannot see the file they filed");
        CustomerQueries.Customer filed = rows.getFirst().file();
        if (!rows.getFirst().won()) {
            // another filer committed one of these keys a moment ago: take this file back (its keys go with it) and
            // fall through to the claim, without failing the caller's transaction (a request with an
            // Idempotency-Key runs in one)
            jdbc.sql("DELETE FROM customer WHERE company_id = :c AND id = :id").param("c", user.companyId()).param("id", filed.id()).update();
            throw new LostRace();
        }
        return CustomerQueries.withContacts(filed, rows.stream().map(Row::contact).filter(java.util.Objects::nonNull).toList());
    }

    /** The contacts as a part of the filing's statement, written in the order given, returned as the file shows them. */
    private static String contactsSql(OneStatement write, List<CustomerInput.Contact> contacts) {
        if (contacts.isEmpty()) {
            return "SELECT NULL::bigint AS id, NULL::text AS name, NULL::text AS phone, NULL::text AS email, NULL::text AS position WHERE false";
        }
        List<Object[]> rows = contacts.stream().map(c -> new Object[]{c.name().strip(),
                CustomerValidation.blank(c.phone()) ? "" : CustomerKeys.phone(c.phone()).orElseThrow(),
                CustomerValidation.blank(c.email()) ? "" : CustomerKeys.email(c.email()).orElseThrow(), text(c.position())}).toList();
        return """
                INSERT INTO customer_contact (company_id, customer_id, name, phone, email, position)
                SELECT :c, filed.id, x.name, x.phone, x.email, x.position FROM filed, won, (%s) AS x(n, name, phone, email, position)
                WHERE won.all_keys ORDER BY x.n RETURNING id, name, phone, email, position""".formatted(
                write.values(rows, "text", "text", "text", "text"));
    }

    /** The decision of a new file, with the inputs it read: which keys were checked, who filed, from where. */
    Decision<String> filedDecision(YewuPrincipal user, boolean lead, Set<CustomerKeys.Key> keys, Instant now,
                                           String source) {
        long version = settings.snapshotAt(now).version();
        List<String> checked = keys.stream().map(k -> k.kind().name()).distinct().sorted().toList();
        Map<String, Object> duplicates = Map.of("checkedKeys", checked, "matches", 0);
        if (lead) {
            return Decision.of("POOL", version,
                    new RuleHit("CUS-6", "录入前按名称、信用代码、电话、邮箱查重，无重复", "No existing file matched name, credit code, phone or e-mail", duplicates),
                    new RuleHit("CUS-5", "网络信息进入线索池，由业务经理分配",
                            "Online leads enter the pool until the business manager distributes them",
                            Map.of("enteredBy", user.displayName(), "source", source)));
        }
        return Decision.of("FILER", version,
                new RuleHit("CUS-6", "建档前按名称、信用代码、电话、邮箱查重，无重复", "No existing file matched name, credit code, phone or e-mail", duplicates),
                new RuleHit("CUS-4", "自行开发的客户归建档业务员跟踪，回款计入其名下",
                        "A self-found customer belongs to the salesperson who filed it; its receipts are credited to them",
                        Map.of("owner", user.displayName(), "ownerId", user.id(), "source", source, "filedAt", now.toString())));
    }

    private ProblemException refuse(YewuPrincipal user, CustomerInput in, Match match, Mode mode) {
        boolean zh = !"en".equals(LocaleContextHolder.getLocale().getLanguage());
        String owner = match.ownerName() != null ? match.ownerName() : zh ? "线索池（未分配）" : "the lead pool (unassigned)";
        if (match.ownerId() != null && match.ownerId() == user.id()) {
            return ProblemException.conflict("customer-yours", match.name()).with("customerId", match.customerId());
        }
        if (mode != Mode.SALESPERSON_FILES) {
            return ProblemException.conflict("customer-exists-lead", match.name(), owner)
                    .with("customerName", match.name()).with("ownerName", owner).with("matchedOn", match.matchedOn());
        }
        long claimId = tx.execute(s -> recordClaim(user, in, match));
        return new ProblemException(HttpStatus.CONFLICT, "customer-exists", List.of(), match.name(), owner)
                .with("claimId", claimId).with("customerName", match.name()).with("ownerName", owner)
                .with("matchedOn", match.matchedOn());
    }

    private long recordClaim(YewuPrincipal user, CustomerInput in, Match match) {
        long claimId = jdbc.sql("""
                INSERT INTO customer_claim (company_id, customer_id, claimant_id, owner_id, attempted_name, matched_on)
                VALUES (:c, :customer, :claimant, :owner, :name, :on) RETURNING id""")
                .param("c", user.companyId()).param("customer", match.customerId()).param("claimant", user.id())
                .param("owner", match.ownerId()).param("name", in.name().strip()).param("on", match.matchedOn())
                .query(Long.class).single();
        decisions.record("customer-claim", String.valueOf(claimId), "ownership",
                Decision.of(match.ownerId() == null ? "LEAD_STAYS_IN_POOL" : "OWNER_KEEPS", settings.snapshotAt(clock.instant()).version(),
                        new RuleHit("CUS-6", "先建档者负责跟踪：已存在的客户归原业务员，本次建档记为申诉",
                                "First filer owns: the existing owner keeps the customer; this attempt is recorded as a claim",
                                Map.of("matchedOn", match.matchedOn(), "customerId", match.customerId(),
                                        "customerName", match.name(), "attemptedName", in.name().strip(),
                                        "claimant", user.displayName(),
                                        "owner", match.ownerName() == null ? "—" : match.ownerName()))));
        audit.record("customer-claim", claimId, "create", Changes.of().created("customerId", match.customerId())
                .created("claimant", user.displayName()).created("matchedOn", match.matchedOn()));
        String link = "/claims";
        if (match.ownerId() != null) {
            notifier.notify(match.ownerId(), "customer.claim", "有人对您的客户提出归属申诉", "A claim on your customer",
                    user.displayName() + " 试图建档 " + match.name(), user.displayName() + " tried to file " + match.name(), link);
        }
        users.managerOf(user.id()).ifPresent(manager -> notifier.notify(manager, "customer.claim", "新的客户归属申诉",
                "New customer claim", user.displayName() + " 建档重复：" + match.name(),
                user.displayName() + " filed a duplicate: " + match.name(), link));
        return claimId;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
