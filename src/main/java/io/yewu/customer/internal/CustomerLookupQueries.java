package io.yewu.customer.internal;

import io.yewu.customer.CustomerLookup;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CustomerLookup} on the customer files, scoped by {@link CustomerAccess}; no credit, bank or invoice column. */
@Component
class CustomerLookupQueries implements CustomerLookup {

    private static final String SELECT = """
            SELECT c.id, c.name, coalesce(c.credit_code, '') AS credit_code, c.city, c.key_account,
                   coalesce((SELECT cc.phone FROM customer_contact cc WHERE cc.company_id = c.company_id AND cc.customer_id = c.id
                      AND cc.phone <> '' ORDER BY cc.id LIMIT 1), '') AS phone, coalesce(u.display_name, '') AS owner_name
            FROM customer c LEFT JOIN app_user u ON u.company_id = c.company_id AND u.id = c.owner_id
            WHERE """;

    /** How many matches a look-up considers before it orders them (a short piece may match most files). */
    static final int CANDIDATES = 200;

    private final JdbcClient jdbc;
    private final PlannedReads planned;
    private final NameSearch nameSearch;

    CustomerLookupQueries(JdbcClient jdbc, PlannedReads planned, NameSearch nameSearch) {
        this.jdbc = jdbc;
        this.nameSearch = nameSearch;
        this.planned = planned;
    }

    @Override
    public List<Card> find(YewuPrincipal reader, String text, int limit) {
        if (text == null || text.strip().length() < 2) return List.of();
        String q = text.strip();
        CustomerAccess access = CustomerAccess.of(reader, "c");
        Map<String, Object> params = new HashMap<>(access.params());
        params.put("limit", Math.max(1, Math.min(limit, 50)));
        String match;
        boolean byName = false;
        var phone = CustomerKeys.phone(q);
        var code = CustomerKeys.creditCode(q);
        String digits = q.replaceAll("[\\s-]", "");
        if (code.isPresent()) {
            // a whole credit code (an 18-digit one too, which would otherwise read as a phone being typed): its key
            match = "c.id IN (SELECT customer_id FROM customer_key WHERE company_id = :accessCompanyId AND kind = 'CREDIT_CODE' AND value = :code)";
            params.put("code", code.get());
        } else if (phone.isPresent()) {
            match = "c.id IN (SELECT customer_id FROM customer_key WHERE company_id = :accessCompanyId AND kind = 'PHONE' AND value = :phone)";
            params.put("phone", phone.get());
        } else if (digits.matches("\\d{4,}")) {
            // a phone being typed: its beginning, as a range of the key's pattern index (V44). Not LIKE: textlike is
            // not LEAKPROOF, so behind the company wall it would filter every phone key of the company instead of
            // bounding the index scan; the byte-wise range operators are (digits only: the last one plus one ends it).
            match = "c.id IN (SELECT customer_id FROM customer_key WHERE company_id = :accessCompanyId AND kind = 'PHONE'"
                    + " AND value ~>=~ :phoneFrom AND value ~<~ :phoneTo)";
            params.put("phoneFrom", digits);
            params.put("phoneTo", digits.substring(0, digits.length() - 1) + (char) (digits.charAt(digits.length() - 1) + 1));
        } else {
            // the name only: an OR with the credit code would keep the planner off the name index (a scan of every file)
            // (on the DEFINER path some of the matches only, when more than the candidates' cap: a typing aid, decision 0038)
            match = nameSearch.match("c", q, params, CANDIDATES * 5, access.ownersSql()).condition();
            byName = true;
        }
        // Up to CANDIDATES matches in no particular order (the index stops as soon as it has them: a piece that half
        // the files share must not fetch and sort all of them), the best of those first: names that begin with the
        // text, then the shortest. The card's contact phone and owner are read for the rows shown only.
        params.put("candidates", CANDIDATES);
        params.put("prefix", q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        String sql = "WITH hit AS MATERIALIZED (SELECT c.id, c.name FROM customer c WHERE " + access.inScopeSql() + " AND " + match
                        + " LIMIT :candidates), shown AS (SELECT id FROM hit ORDER BY (name LIKE :prefix) DESC, length(name), id LIMIT :limit) "
                        + SELECT + " c.id IN (SELECT id FROM shown) AND c.company_id = :accessCompanyId"
                        + " ORDER BY (c.name LIKE :prefix) DESC, length(c.name), c.id";
        if (!byName) return jdbc.sql(sql).params(params).query(Card.class).list();
        // A LIMIT without ORDER BY makes a scan look cheap to the planner ("a piece in a third of the names: 200 of
        // them within the first 600 rows"), but names that share a piece cluster (the files of one import, one
        // trade): the scan read 199,000 rows before its 200th match (decision 0035). The name piece's own index
        // answers every piece in bounded time, so the look-up by name is planned without scans of the table.
        return planned.without(PlannedReads.Scan.SEQUENTIAL, PlannedReads.Scan.INDEX,
                () -> jdbc.sql(sql).params(params).query(Card.class).list());
    }

    @Override
    public Optional<Card> card(YewuPrincipal reader, long customerId) {
        CustomerAccess access = CustomerAccess.of(reader, "c");
        Map<String, Object> params = new HashMap<>(access.params());
        params.put("id", customerId);
        return jdbc.sql(SELECT + access.inScopeSql() + " AND c.id = :id").params(params).query(Card.class).optional();
    }
}
