package io.yewu.platform.settings;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings in force at one instant, typed. {@link #version()} is the newest setting row among them (0 when
 * only defaults apply); a decision stores it so anyone can see which values it used (PLT-1, PLT-2).
 */
public final class SettingsSnapshot {

    private final long version;
    private final Map<String, Object> values;

    /** @param values typed values by setting key; keys absent here read their definition's default */
    public SettingsSnapshot(long version, Map<String, Object> values) {
        this.version = version;
        this.values = Map.copyOf(values);
    }

    /** Only defaults: for tests of policies and for a company that never changed a setting. */
    public static SettingsSnapshot defaults() {
        return new SettingsSnapshot(0, Map.of());
    }

    public long version() {
        return version;
    }

    public <T extends Comparable<? super T>> T get(SettingDefinition<T> definition) {
        Object value = values.get(definition.key());
        return value == null ? definition.defaultValue() : definition.type().cast(value);
    }

    /** A copy with one value replaced, for policy tests. */
    public <T extends Comparable<? super T>> SettingsSnapshot with(SettingDefinition<T> definition, T value) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(definition.key(), value);
        return new SettingsSnapshot(version, copy);
    }
}
