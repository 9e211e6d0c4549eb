package io.yewu.platform.security;

import java.util.Map;

/**
 * PLT-5 and PLT-11 as one reusable SQL condition: the company wall plus the user's data scope over an owner
 * column. Every list, search, report, export and single-record read of a capability appends it, so an id outside
 * the scope behaves as if it did not exist. Parameters are named (JdbcClient / NamedParameterJdbcTemplate).
 */
public final class DataScope {

    private DataScope() {}

    /**
     * @param sql    the condition
     * @param owners the owners in scope as a {@code bigint[]} expression over the same parameters, or {@code NULL}
     *               when the scope is the whole company (to narrow a search made outside the reader's query, which
     *               then applies {@code sql} itself)
     */
    public record Condition(String sql, Map<String, Object> params, String owners) {

        public Condition(String sql, Map<String, Object> params) {
            this(sql, params, "NULL");
        }
    }

    private static final String DEPARTMENT_USERS = "SELECT su.id FROM app_user su JOIN department sd ON sd.id = su.department_id"
            + " WHERE su.company_id = :scopeCompanyId AND starts_with(sd.path, :scopeDeptPath)";

    /**
     * @param companyColumn e.g. {@code "c.company_id"}
     * @param ownerColumn   the column holding the owning user's id, e.g. {@code "c.owner_id"}
     */
    public static Condition of(YewuPrincipal user, String companyColumn, String ownerColumn) {
        String company = companyColumn + " = :scopeCompanyId";
        return switch (user.dataScope()) {
            case ALL -> new Condition(company, Map.of("scopeCompanyId", user.companyId()));
            case OWN -> new Condition(company + " AND " + ownerColumn + " = :scopeUserId",
                    Map.of("scopeCompanyId", user.companyId(), "scopeUserId", user.id()),
                    "ARRAY[CAST(:scopeUserId AS bigint)]");
            case DEPARTMENT -> new Condition(company + " AND " + ownerColumn + " IN (" + DEPARTMENT_USERS + ")",
                    Map.of("scopeCompanyId", user.companyId(), "scopeDeptPath", user.departmentPath()),
                    "ARRAY(" + DEPARTMENT_USERS + ")");
        };
    }
}
