package io.yewu.platform.internal.audit;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

@Component
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(String entityType, Object entityId, String action, Changes changes) {
        var user = CurrentUser.find();
        Map<String, Map<String, Object>> body = new LinkedHashMap<>();
        changes.asMap().forEach((field, c) -> {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("old", c.old());
            pair.put("new", c.now());
            body.put(field, pair);
        });
        long companyId = user.map(u -> u.companyId()).orElseGet(CompanyContext::companyId);
        jdbc.sql("""
                INSERT INTO audit_log (company_id, actor_id, actor_name, entity_type, entity_id, action, changes)
                VALUES (:c, :a, :n, :t, :id, :act, CAST(:ch AS jsonb))""")
                .param("c", companyId)
                .param("a", user.map(u -> u.id()).orElse(null))
                .param("n", user.map(u -> u.displayName()).orElse("系统 / system"))
                .param("t", entityType).param("id", String.valueOf(entityId)).param("act", action)
                .param("ch", json.writeValueAsString(body))
                .update();
    }
}
