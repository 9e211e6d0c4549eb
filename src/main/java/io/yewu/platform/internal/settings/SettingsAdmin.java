package io.yewu.platform.internal.settings;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The administrator's view of settings: current values with metadata, history, and effective-dated changes. */
@Service
class SettingsAdmin {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /**
     * A setting as the list shows it: the value in force (since {@code effectiveFrom}, changed by
     * {@code changedByName}; no name and the epoch for the initial value) and the next scheduled value, if any.
     * A {@code secret}'s values (here, scheduled and in the history) read {@code ******} when set, empty when not.
     */
    record SettingView(String key, String type, String unit, Object value, OffsetDateTime effectiveFrom, long version,
                       String nameZh, String nameEn, String descriptionZh, String descriptionEn, List<String> ruleIds,
                       String changedByName, Scheduled scheduled, boolean secret) {}

    /** A value that takes effect later (待生效), who scheduled it and when. */
    record Scheduled(Object value, OffsetDateTime effectiveFrom, String changedByName, OffsetDateTime changedAt) {}

    record Revision(Object value, OffsetDateTime effectiveFrom, long version, String changedByName, OffsetDateTime changedAt) {}

    private final JdbcClient jdbc;
    private final SettingRegistry registry;
    private final JdbcSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    SettingsAdmin(JdbcClient jdbc, SettingRegistry registry, JdbcSettings settings, AuditTrail audit) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.settings = settings;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    List<SettingView> current(Locale locale) {
        Map<String, SettingRow> inForce = settings.inForce(clock.instant()).stream()
                .collect(Collectors.toMap(SettingRow::key, Function.identity()));
        Map<Long, String> changedBy = new java.util.HashMap<>();
        Map<String, Scheduled> scheduled = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT s.id, s.key, s.value, s.effective_from, s.changed_at, u.display_name FROM setting_value s
                LEFT JOIN app_user u ON u.company_id = s.company_id AND u.id = s.changed_by
                WHERE s.company_id = :c AND (s.id IN (:ids) OR s.effective_from > :now)
                ORDER BY s.effective_from, s.id""")
                .param("c", JdbcSettings.company()).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("ids", inForce.isEmpty() ? List.of(0L) : inForce.values().stream().map(SettingRow::id).toList())
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    String key = rs.getString("key");
                    SettingRow current = inForce.get(key);
                    if (current != null && current.id() == id) {
                        if (rs.getString("display_name") != null) changedBy.put(id, rs.getString("display_name"));
                    } else {
                        String value = rs.getString("value");
                        OffsetDateTime from = shanghai(rs.getObject("effective_from", OffsetDateTime.class));
                        String by = rs.getString("display_name");
                        OffsetDateTime at = shanghai(rs.getObject("changed_at", OffsetDateTime.class));
                        registry.find(key).ifPresent(d -> scheduled.putIfAbsent(key, new Scheduled(shown(d, value), from, by, at)));
                    }
                    return id;
                }).list();
        return registry.all().stream().map(d -> {
            Optional<SettingRow> row = Optional.ofNullable(inForce.get(d.key()));
            return view(d, row, locale, row.map(r -> changedBy.get(r.id())).orElse(null), scheduled.get(d.key()));
        }).toList();
    }

    List<Revision> history(String key) {
        SettingDefinition<?> d = definition(key);
        return jdbc.sql("""
                SELECT s.id, s.value, s.effective_from, s.changed_at, u.display_name FROM setting_value s
                LEFT JOIN app_user u ON u.company_id = s.company_id AND u.id = s.changed_by
                WHERE s.company_id = :c AND s.key = :k ORDER BY s.effective_from DESC, s.id DESC""")
                .param("c", JdbcSettings.company()).param("k", key)
                .query((rs, n) -> new Revision(shown(d, rs.getString("value")),
                        shanghai(rs.getObject("effective_from", OffsetDateTime.class)), rs.getLong("id"),
                        rs.getString("display_name"), shanghai(rs.getObject("changed_at", OffsetDateTime.class))))
                .list();
    }

    /**
     * Adds a value in force from {@code effectiveFrom} (now when absent). A time already past counts as now: a
     * change applies to records created after it and never rewrites the rules of records already made (PLT-2).
     */
    @Transactional
    SettingView change(String key, Object input, OffsetDateTime effectiveFrom, Long expectedVersion, Locale locale) {
        return change(definition(key), input, effectiveFrom, expectedVersion, locale);
    }

    private <T extends Comparable<? super T>> SettingView change(SettingDefinition<T> d, Object input,
                                                                OffsetDateTime effectiveFrom, Long expectedVersion,
                                                                Locale locale) {
        T value = d.type().parse(input).orElseThrow(() ->
                ProblemException.invalid("value", "setting-type", d.type().describe(chinese(locale))));
        if (!d.inRange(value)) {
            throw ProblemException.invalid("value", "setting-range", bound(d, d.min()), bound(d, d.max()));
        }
        Instant now = clock.instant();
        Instant from = effectiveFrom == null || effectiveFrom.toInstant().isBefore(now) ? now : effectiveFrom.toInstant();
        Optional<SettingRow> current = row(d.key(), now);
        if (expectedVersion != null && expectedVersion != current.map(SettingRow::id).orElse(0L)) {
            throw ProblemException.conflict("version-conflict");
        }
        Optional<SettingRow> before = row(d.key(), from);
        try {
            jdbc.sql("""
                    INSERT INTO setting_value (company_id, key, value, effective_from, changed_by)
                    VALUES (:c, :k, :v, :at, :by)""")
                    .param("c", JdbcSettings.company()).param("k", d.key()).param("v", d.type().toText(value))
                    .param("at", from.atOffset(ZoneOffset.UTC))
                    .param("by", CurrentUser.find().map(u -> u.id()).orElse(null)).update();
            settings.written(JdbcSettings.company());
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("effectiveFrom", "taken");
        }
        Object oldValue = before.map(r -> json(d, r.value())).orElse(d.type().toJson(d.defaultValue()));
        Object newValue = d.type().toJson(value);
        audit.record("setting", d.key(), "change", Changes.of()
                .put("value", !Objects.equals(oldValue, newValue), d.shown(oldValue), d.shown(newValue))
                .put("effectiveFrom", before.map(r -> shanghai(r.effectiveFrom()).toString()).orElse(null),
                        shanghai(from.atOffset(ZoneOffset.UTC)).toString()));
        return current(locale).stream().filter(v -> v.key().equals(d.key())).findFirst().orElseThrow();
    }

    private Optional<SettingRow> row(String key, Instant at) {
        return settings.inForce(at).stream().filter(r -> r.key().equals(key)).findFirst();
    }

    private SettingDefinition<?> definition(String key) {
        return registry.find(key).orElseThrow(() ->
                new ProblemException(HttpStatus.NOT_FOUND, "unknown-setting", List.of(), key));
    }

    private static <T extends Comparable<? super T>> SettingView view(SettingDefinition<T> d, Optional<SettingRow> row,
                                                                     Locale locale, String changedByName,
                                                                     Scheduled scheduled) {
        return new SettingView(d.key(), d.type().name(), chinese(locale) ? d.unitZh() : d.unitEn(),
                d.shown(row.map(r -> json(d, r.value())).orElse(d.type().toJson(d.defaultValue()))),
                shanghai(row.map(SettingRow::effectiveFrom).orElse(Instant.EPOCH.atOffset(ZoneOffset.UTC))),
                row.map(SettingRow::id).orElse(0L), d.nameZh(), d.nameEn(), d.descriptionZh(), d.descriptionEn(), d.ruleIds(),
                changedByName, scheduled, d.secret());
    }

    private static <T extends Comparable<? super T>> Object json(SettingDefinition<T> d, String stored) {
        return d.type().toJson(d.type().fromText(stored));
    }

    /** A stored value as the administrator may see it: a secret masked. */
    private static <T extends Comparable<? super T>> Object shown(SettingDefinition<T> d, String stored) {
        return d.shown(json(d, stored));
    }

    private static <T extends Comparable<? super T>> Object bound(SettingDefinition<T> d, T bound) {
        return bound == null ? "…" : d.type().toJson(bound);
    }

    private static OffsetDateTime shanghai(OffsetDateTime t) {
        return t.atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    }

    private static boolean chinese(Locale locale) {
        return !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}
