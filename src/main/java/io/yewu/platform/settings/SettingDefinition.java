package io.yewu.platform.settings;

import java.util.List;
import java.util.Objects;

/**
 * A setting as its owning capability declares it: key, type, default (in force from the epoch, so records of
 * any time have a value), optional bounds, unit and names in both languages, and the rule ids that read it.
 * Build one with {@link #of} and the {@code with…} methods.
 */
public record SettingDefinition<T extends Comparable<? super T>>(
        String key, SettingType<T> type, T defaultValue, T min, T max, String unitZh, String unitEn,
        String nameZh, String nameEn, String descriptionZh, String descriptionEn, List<String> ruleIds) {

    public SettingDefinition {
        Objects.requireNonNull(key);
        Objects.requireNonNull(type);
        Objects.requireNonNull(defaultValue);
        ruleIds = List.copyOf(ruleIds);
        if (!inRange(defaultValue, min, max)) throw new IllegalArgumentException(key + ": default outside its range");
    }

    public static <T extends Comparable<? super T>> SettingDefinition<T> of(String key, SettingType<T> type, T defaultValue) {
        return new SettingDefinition<>(key, type, defaultValue, null, null, "", "", key, key, "", "", List.of());
    }

    public SettingDefinition<T> withRange(T min, T max) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, unitZh, unitEn, nameZh, nameEn,
                descriptionZh, descriptionEn, ruleIds);
    }

    public SettingDefinition<T> withUnit(String zh, String en) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, zh, en, nameZh, nameEn,
                descriptionZh, descriptionEn, ruleIds);
    }

    public SettingDefinition<T> withName(String zh, String en) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, unitZh, unitEn, zh, en,
                descriptionZh, descriptionEn, ruleIds);
    }

    public SettingDefinition<T> withDescription(String zh, String en) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, unitZh, unitEn, nameZh, nameEn, zh, en, ruleIds);
    }

    public SettingDefinition<T> withRules(String... ids) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, unitZh, unitEn, nameZh, nameEn,
                descriptionZh, descriptionEn, List.of(ids));
    }

    public boolean inRange(T value) {
        return inRange(value, min, max);
    }

    private static <T extends Comparable<? super T>> boolean inRange(T value, T min, T max) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }
}
