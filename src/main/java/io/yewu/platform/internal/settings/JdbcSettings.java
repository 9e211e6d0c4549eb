package io.yewu.platform.internal.settings;

import io.yewu.platform.internal.db.CompanyCopies;
import io.yewu.platform.internal.db.DatabaseNotifications;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Snapshots of a company's settings at any moment, computed from all its stored values (a few dozen rows, every
 * effective date), which the node keeps in memory until the database says they changed: a trigger on
 * {@code setting_value} notifies {@code yewu_settings} on commit, whichever node wrote the row, and
 * {@link DatabaseNotifications} drops that company's copy. While the node is not listening (the notification
 * connection is down or not yet up), nothing is kept across transactions and each transaction reads once.
 * <p>
 * A transaction that writes a setting reads the database from then on ({@link #written}), and the node drops its
 * copy again after that transaction ends, so the writer's next request sees the change without waiting for the
 * notification. A copy loaded while a change was being dropped is not kept (the epoch check), so a slow read can
 * never put back what a notification just removed. Decision 0030.
 */
@Service
class JdbcSettings implements Settings, CompanyCopies.Owner {

    private final JdbcClient jdbc;
    private final SettingRegistry registry;
    private final DatabaseNotifications notifications;
    private final Map<Long, List<SettingRow>> cached = new ConcurrentHashMap<>();

    JdbcSettings(JdbcClient jdbc, SettingRegistry registry, DatabaseNotifications notifications) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.notifications = notifications;
    }

    /**
     * The last snapshot computed for a company: valid for the same stored rows (the same list, by identity) at any
     * moment from the newest effective date in force up to the next one, where nothing changes.
     */
    private record Computed(List<SettingRow> rows, Instant from, Instant until, SettingsSnapshot snapshot) {}

    private final Map<Long, Computed> snapshots = new ConcurrentHashMap<>();
    /** When the copies above are dropped: notifications, this node's writes, the epoch (decision 0030). */
    private final CompanyCopies copies = new CompanyCopies(company -> {
        cached.remove(company);
        snapshots.remove(company);
    }, () -> {
        cached.clear();
        snapshots.clear();
    });

    @Override
    public SettingsSnapshot snapshotAt(Instant at) {
        List<SettingRow> stored = stored();
        Instant moment = atDatabasePrecision(at);
        long company = company();
        Computed last = snapshots.get(company);
        if (last != null && last.rows() == stored && !moment.isBefore(last.from()) && moment.isBefore(last.until())) {
            return last.snapshot();
        }
        List<SettingRow> rows = inForce(stored, moment);
        Map<String, Object> values = new HashMap<>();
        for (SettingRow row : rows) {
            registry.find(row.key()).ifPresent(d -> values.put(row.key(), d.type().fromText(row.value())));
        }
        long version = rows.stream().mapToLong(SettingRow::id).max().orElse(0);
        SettingsSnapshot snapshot = new SettingsSnapshot(version, values);
        Instant from = Instant.MIN, until = Instant.MAX;
        for (SettingRow row : stored) {
            Instant effective = row.effectiveFrom().toInstant();
            if (effective.isAfter(moment)) {
                if (effective.isBefore(until)) until = effective;
            } else if (effective.isAfter(from)) {
                from = effective;
            }
        }
        snapshots.put(company, new Computed(stored, from, until, snapshot));
        return snapshot;
    }

    /** The newest row of each key whose effective date has come at {@code at} (by key). */
    List<SettingRow> inForce(Instant at) {
        return inForce(stored(), atDatabasePrecision(at));
    }

    /** At the database's precision: a value written "from now" is stored rounded to the microsecond. */
    private static Instant atDatabasePrecision(Instant at) {
        return at.plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static List<SettingRow> inForce(List<SettingRow> stored, Instant moment) {
        Map<String, SettingRow> newest = new TreeMap<>();
        for (SettingRow row : stored) {
            if (row.effectiveFrom().toInstant().isAfter(moment)) continue;
            newest.merge(row.key(), row, (a, b) -> newer(a, b) ? a : b);
        }
        return List.copyOf(newest.values());
    }

    private static boolean newer(SettingRow a, SettingRow b) {
        int c = a.effectiveFrom().toInstant().compareTo(b.effectiveFrom().toInstant());
        return c != 0 ? c > 0 : a.id() > b.id();
    }

    /** Every stored value of the company: from memory, from this transaction's copy, or from the database. */
    private List<SettingRow> stored() {
        long company = company();
        boolean tx = TransactionSynchronizationManager.isSynchronizationActive();
        if (copies.writtenInThisTransaction(company)) return read(company);
        TxCopy key = new TxCopy(company);
        if (tx && TransactionSynchronizationManager.getResource(key) instanceof List<?> copy) {
            @SuppressWarnings("unchecked") List<SettingRow> rows = (List<SettingRow>) copy;
            return rows;
        }
        List<SettingRow> rows = notifications.listening() ? cached.get(company) : null;
        if (rows == null) {
            long before = copies.epoch();
            boolean listening = notifications.listening();
            rows = read(company);
            if (listening && copies.unchangedSince(before)) cached.put(company, rows);
        }
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

    private List<SettingRow> read(long company) {
        return jdbc.sql("SELECT id, key, value, effective_from FROM setting_value WHERE company_id = :c")
                .param("c", company).query(SettingRow::map).list();
    }

    /**
     * A setting of the company was written in this transaction: later reads in it go to the database, and the
     * node's copy is dropped when the transaction ends (committed or not).
     */
    void written(long company) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(new TxCopy(company));
        }
        copies.written(company);
    }

    @Override
    public String channel() {
        return "yewu_settings";
    }

    @Override
    public CompanyCopies copies() {
        return copies;
    }

    static long company() {
        Long c = CompanyContext.companyId();
        if (c == null) throw new IllegalStateException("settings are read within a company");
        return c;
    }

    private record TxCopy(long company) {}
}
