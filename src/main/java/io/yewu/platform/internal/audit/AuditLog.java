package io.yewu.platform.internal.audit;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the audit log (PLT-6). Nothing here changes or deletes an entry: the log is read-only for everyone. */
@Service
class AuditLog {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** {@code from} and {@code to} are days in Asia/Shanghai, both included. */
    record Filter(String entityType, String entityId, Long actorId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {}

    record Entry(long id, OffsetDateTime at, String actorName, String entityType, String entityId, String action,
                 JsonNode changes) {}

    private static final String SELECT = "SELECT id, at, actor_name, entity_type, entity_id, action, changes ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Page<Entry> list(Filter f, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = fromWhere(f, params);
        List<Entry> rows = jdbc.sql(SELECT + fromWhere + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(this::entry).list();
        long total = jdbc.sql(Page.cappedCountSql(fromWhere)).params(params).query(Long.class).single();
        return Page.of(rows, page, total);
    }

    void export(Filter f, Consumer<Entry> sink) {
        Map<String, Object> params = new HashMap<>();
        try (var rows = jdbc.sql(SELECT + fromWhere(f, params) + " ORDER BY at DESC, id DESC").params(params)
                .query(this::entry).stream()) {
            rows.forEach(sink);
        }
    }

    private static String fromWhere(Filter f, Map<String, Object> params) {
        Long company = CompanyContext.companyId();
        if (company == null) throw new IllegalStateException("the audit log is read within a company");
        StringBuilder sql = new StringBuilder("FROM audit_log WHERE company_id = :c");
        params.put("c", company);
        if (f.entityType() != null && !f.entityType().isBlank()) {
            sql.append(" AND entity_type = :type");
            params.put("type", f.entityType().trim());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            sql.append(" AND entity_id = :entity");
            params.put("entity", f.entityId().trim());
        }
        if (f.actorId() != null) {
            sql.append(" AND actor_id = :actor");
            params.put("actor", f.actorId());
        }
        if (f.from() != null) {
            sql.append(" AND at >= :from");
            params.put("from", f.from().atStartOfDay(SHANGHAI).toOffsetDateTime());
        }
        if (f.to() != null) {
            sql.append(" AND at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime());
        }
        return sql.toString();
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).atZoneSameInstant(SHANGHAI).toOffsetDateTime(),
                rs.getString("actor_name"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
                json.readTree(rs.getString("changes")));
    }
}
