package io.yewu.customer.internal;

import io.yewu.customer.CustomerSelection;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link CustomerSelection} on the customer files, scoped by {@link CustomerAccess}. */
@Component
class CustomerSelectionQueries implements CustomerSelection {

    private final JdbcClient jdbc;

    CustomerSelectionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String where(YewuPrincipal reader, Criteria c, Map<String, Object> params) {
        CustomerAccess access = CustomerAccess.of(reader, "c");
        params.putAll(access.params());
        StringBuilder sql = new StringBuilder(" WHERE ").append(access.inScopeSql()).append(" AND c.stage <> 'CLOSED'");
        if (c != null) {
            if (present(c.stage())) { sql.append(" AND c.stage = :stage"); params.put("stage", c.stage().strip()); }
            if (present(c.customerClass())) { sql.append(" AND c.customer_class = :class"); params.put("class", c.customerClass().strip()); }
            if (c.keyAccount() != null) { sql.append(" AND c.key_account = :ka"); params.put("ka", c.keyAccount()); }
            if (present(c.tag())) { sql.append(" AND :tag = ANY(c.tags)"); params.put("tag", c.tag().strip()); }
            if (present(c.city())) { sql.append(" AND c.city = :city"); params.put("city", c.city().strip()); }
        }
        return sql.toString();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public long count(YewuPrincipal reader, Criteria criteria) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM customer c" + where(reader, criteria, params)).params(params).query(Long.class).single();
    }

    @Override
    public List<Contact> select(YewuPrincipal reader, Criteria criteria, int limit) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("""
                SELECT c.id AS customer_id, c.name AS customer_name, coalesce(k.name, '') AS contact_name, coalesce(k.phone, '') AS phone
                FROM customer c LEFT JOIN LATERAL (SELECT name, phone FROM customer_contact cc
                    WHERE cc.company_id = c.company_id AND cc.customer_id = c.id ORDER BY (cc.phone = ''), cc.id LIMIT 1) k ON true
                """ + where(reader, criteria, params)
                + " ORDER BY c.id LIMIT :limit")
                .params(params).param("limit", limit).query(Contact.class).list();
    }
}
