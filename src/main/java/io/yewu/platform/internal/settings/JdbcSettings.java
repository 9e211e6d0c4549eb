package io.yewu.platform.internal.settings;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots straight from the database: one query on the (company, key, effective_from) key, a few dozen rows.
 * No cache on purpose: checking a cache against other nodes' writes would cost the same round trip as the read,
 * and reading fresh means a change made on any node is seen at once by all.
 */
@Service
class JdbcSettings implements Settings {

    private final JdbcClient jdbc;
    private final SettingRegistry registry;

    JdbcSettings(JdbcClient jdbc, SettingRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public SettingsSnapshot snapshotAt(Instant at) {
        List<SettingRow> rows = inForce(at);
        Map<String, Object> values = new HashMap<>();
        for (SettingRow row : rows) {
            registry.find(row.key()).ifPresent(d -> values.put(row.key(), d.type().fromText(row.value())));
        }
        long version = rows.stream().mapToLong(SettingRow::id).max().orElse(0);
        return new SettingsSnapshot(version, values);
    }

    /** The newest row of each key whose effective date has come at {@code at}. */
    List<SettingRow> inForce(Instant at) {
        return jdbc.sql("""
                SELECT DISTINCT ON (key) id, key, value, effective_from FROM setting_value
                WHERE company_id = :c AND effective_from <= :at
                ORDER BY key, effective_from DESC, id DESC""")
                .param("c", company()).param("at", at.atOffset(ZoneOffset.UTC))
                .query(SettingRow::map).list();
    }

    static long company() {
        Long c = CompanyContext.companyId();
        if (c == null) throw new IllegalStateException("settings are read within a company");
        return c;
    }
}
