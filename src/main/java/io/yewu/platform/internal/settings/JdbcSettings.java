package io.yewu.platform.internal.settings;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots from the database: one query for all stored values of the company (a few dozen rows), kept for the
 * rest of the transaction, so a request that decides by the settings of several moments (an order: now and its
 * creation) reads them once. No cache across transactions: checking one against other nodes' writes would cost
 * the same round trip as the read, and reading fresh means a change made on any node is seen at once by all.
 * A transaction that writes a setting drops its copy ({@link #written}).
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

    /** The newest row of each key whose effective date has come at {@code at} (by key). */
    List<SettingRow> inForce(Instant at) {
        Map<String, SettingRow> newest = new java.util.TreeMap<>();
        for (SettingRow row : stored()) {
            if (row.effectiveFrom().toInstant().isAfter(at)) continue;
            newest.merge(row.key(), row, (a, b) -> newer(a, b) ? a : b);
        }
        return List.copyOf(newest.values());
    }

    private static boolean newer(SettingRow a, SettingRow b) {
        int c = a.effectiveFrom().toInstant().compareTo(b.effectiveFrom().toInstant());
        return c != 0 ? c > 0 : a.id() > b.id();
    }

    /** Every stored value of the company, once per transaction. */
    private List<SettingRow> stored() {
        long company = company();
        boolean tx = TransactionSynchronizationManager.isSynchronizationActive();
        Object key = tx ? new TxKey(company) : null;
        if (tx && TransactionSynchronizationManager.getResource(key) instanceof List<?> cached) {
            @SuppressWarnings("unchecked") List<SettingRow> rows = (List<SettingRow>) cached;
            return rows;
        }
        List<SettingRow> rows = jdbc.sql("SELECT id, key, value, effective_from FROM setting_value WHERE company_id = :c")
                .param("c", company).query(SettingRow::map).list();
        if (tx) {
            TransactionSynchronizationManager.bindResource(key, rows);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return rows;
    }

    /** A setting of the company was written in this transaction: later reads in it go to the database. */
    static void written(Long company) {
        if (company != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(new TxKey(company));
        }
    }

    private record TxKey(long company) {}

    static long company() {
        Long c = CompanyContext.companyId();
        if (c == null) throw new IllegalStateException("settings are read within a company");
        return c;
    }
}
