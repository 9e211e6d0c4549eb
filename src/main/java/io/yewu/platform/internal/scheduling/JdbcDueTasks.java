package io.yewu.platform.internal.scheduling;

import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.CompanyContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;

@Component
class JdbcDueTasks implements DueTasks {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcDueTasks(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void schedule(String kind, String key, Instant dueAt, Map<String, Object> payload) {
        // the partial unique index keeps one pending task per kind and key; a re-schedule moves it
        jdbc.sql("""
                INSERT INTO due_task (company_id, kind, task_key, due_at, payload)
                VALUES (:c, :k, :key, :due, CAST(:p AS jsonb))
                ON CONFLICT (company_id, kind, task_key) WHERE status = 'PENDING'
                DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload, attempts = 0, last_error = NULL""")
                .param("c", CompanyContext.companyId()).param("k", kind).param("key", key)
                .param("due", dueAt.atOffset(java.time.ZoneOffset.UTC)).param("p", json.writeValueAsString(payload))
                .update();
    }

    @Override
    public void cancel(String kind, String key) {
        jdbc.sql("""
                UPDATE due_task SET status = 'CANCELLED'
                WHERE company_id = :c AND kind = :k AND task_key = :key AND status = 'PENDING'""")
                .param("c", CompanyContext.companyId()).param("k", kind).param("key", key)
                .update();
    }
}
