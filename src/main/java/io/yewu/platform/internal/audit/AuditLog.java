package io.yewu.platform.internal.audit;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.settings.SettingCatalog;
import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Reads the audit log (PLT-6). Nothing here changes or deletes an entry: the log is read-only for everyone. */
@Service
class AuditLog {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** {@code from} and {@code to} are days in Asia/Shanghai, both included. */
    record Filter(String entityType, String entityId, Long actorId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {}

    /**
     * An entry; {@code entityName} and {@code names} give the names of the record and of the ids in its changes
     * (users, departments, customers), so a person reads 部门: 华东 → 华南, not departmentId: 3 → 4.
     */
    record Entry(long id, OffsetDateTime at, String actorName, String entityType, String entityId, String action,
                 JsonNode changes, String entityName, Map<String, String> names) {

        Entry named(String entity, Map<String, String> idNames) {
            return new Entry(id, at, actorName, entityType, entityId, action, changes, entity, idNames);
        }
    }

    /** Where the name of an id lives, by the field or entity type that holds it. */
    private static final Map<String, String> NAME_TABLES = Map.of(
            "user", "SELECT id, display_name AS name FROM app_user WHERE company_id = :c AND id IN (:ids)",
            "department", "SELECT id, name FROM department WHERE company_id = :c AND id IN (:ids)",
            "customer", "SELECT id, name FROM customer WHERE company_id = :c AND id IN (:ids)");

    static String kindOfField(String field) {
        return switch (field) {
            case "ownerId", "userId", "assigneeId", "managerId", "actorId", "ownerIdBefore", "decidedBy", "requestedBy",
                 "visitorId", "salespersonId", "delegateId" -> "user";
            case "departmentId", "parentId" -> "department";
            case "customerId" -> "customer";
            default -> null;
        };
    }

    private static final String SELECT = "SELECT id, at, actor_name, entity_type, entity_id, action, changes ";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** The keys of the secret settings: their values read masked, entries written before decision 0037 too. */
    private final Set<String> secretSettings;

    AuditLog(JdbcClient jdbc, JsonMapper json, List<SettingCatalog> catalogs) {
        this.jdbc = jdbc;
        this.json = json;
        this.secretSettings = catalogs.stream().flatMap(c -> c.definitions().stream()).filter(SettingDefinition::secret)
                .map(SettingDefinition::key).collect(Collectors.toUnmodifiableSet());
    }

    Page<Entry> list(Filter f, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = fromWhere(f, params);
        List<Entry> rows = jdbc.sql(SELECT + fromWhere + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(this::entry).list();
        rows = withNames(rows);
        return Page.of(rows, page, Page.cappedCount(jdbc, fromWhere, params));
    }

    void export(Filter f, Consumer<Entry> sink) {
        Map<String, Object> params = new HashMap<>();
        try (var rows = jdbc.sql(SELECT + fromWhere(f, params) + " ORDER BY at DESC, id DESC").params(params)
                .query(this::entry).stream()) {
            rows.forEach(sink);
        }
    }

    /** Adds the names of the ids the entries mention, one query per kind of record. */
    List<Entry> withNames(List<Entry> rows) {
        Map<String, java.util.Set<Long>> ids = new HashMap<>();
        for (Entry e : rows) {
            idOf(e.entityId()).ifPresent(id -> { if (NAME_TABLES.containsKey(e.entityType())) ids.computeIfAbsent(e.entityType(), k -> new java.util.HashSet<>()).add(id); });
            forEachId(e, (kind, id) -> ids.computeIfAbsent(kind, k -> new java.util.HashSet<>()).add(id));
        }
        Map<String, Map<Long, String>> names = new HashMap<>();
        ids.forEach((kind, set) -> {
            Map<Long, String> byId = new HashMap<>();
            jdbc.sql(NAME_TABLES.get(kind)).param("c", CompanyContext.companyId()).param("ids", List.copyOf(set))
                    .query((rs, n) -> byId.put(rs.getLong("id"), rs.getString("name"))).list();
            names.put(kind, byId);
        });
        return rows.stream().map(e -> {
            Map<String, String> idNames = new java.util.TreeMap<>();
            forEachId(e, (kind, id) -> {
                String name = names.getOrDefault(kind, Map.of()).get(id);
                if (name != null) idNames.put(kind + ":" + id, name);
            });
            String entity = idOf(e.entityId()).map(id -> names.getOrDefault(e.entityType(), Map.of()).get(id)).orElse(null);
            return e.named(entity, idNames);
        }).toList();
    }

    private static java.util.Optional<Long> idOf(String text) {
        return text != null && text.matches("\\d{1,18}") ? java.util.Optional.of(Long.parseLong(text)) : java.util.Optional.empty();
    }

    /** Each id held by a field of an entry's changes whose name says what it refers to ({@code kindOfField}). */
    private static void forEachId(Entry e, java.util.function.BiConsumer<String, Long> sink) {
        if (e.changes() == null || !e.changes().isObject()) return;
        for (var field : e.changes().properties()) {
            String kind = kindOfField(field.getKey());
            if (kind == null) continue;
            for (String side : List.of("old", "new")) {
                JsonNode v = field.getValue().path(side);
                if (v.isIntegralNumber()) sink.accept(kind, v.asLong());
                else if (v.isString()) idOf(v.asString()).ifPresent(id -> sink.accept(kind, id));
            }
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
                masked(rs.getString("entity_type"), rs.getString("entity_id"), json.readTree(rs.getString("changes"))), null, Map.of());
    }

    /** A secret setting's change shows whether it was set, never its value. */
    private JsonNode masked(String entityType, String entityId, JsonNode changes) {
        if (!"setting".equals(entityType) || !secretSettings.contains(entityId) || !(changes instanceof ObjectNode object)) return changes;
        if (object.get("value") instanceof ObjectNode value) {
            for (String side : List.of("old", "new")) {
                JsonNode v = value.get(side);
                if (v != null && !v.isNull()) value.put(side, v.asString("").isEmpty() ? "" : SettingDefinition.SECRET_SET);
            }
        }
        return object;
    }
}
