package io.yewu.platform.settings;

import java.util.List;
import java.util.Objects;

/**
 * A setting as its owning capability declares it: key, type, default (in force from the epoch, so records of
 * any time have a value), optional bounds, unit and names in both languages, and the rule ids that read it.
 * A {@code secret} (a signing key, a password) is read by the code like any setting but never shown: the
 * administration answers {@link #SECRET_SET} or an empty text in its place, and the audit trail likewise
 * (decision 0037). Build one with {@link #of} and the {@code with…} methods.
 */
public record SettingDefinition<T extends Comparable<? super T>>(
        String key, SettingType<T> type, T defaultValue, T min, T max, String unitZh, String unitEn,
        String nameZh, String nameEn, String descriptionZh, String descriptionEn, List<String> ruleIds, boolean secret) {

    /** What stands for a secret's value when it has one. */
    public static final String SECRET_SET = "******";

    public SettingDefinition {
        Objects.requireNonNull(key);
        Objects.requireNonNull(type);
        Objects.requireNonNull(defaultValue);
        ruleIds = List.copyOf(ruleIds);
        if (!inRange(defaultValue, min, max)) throw new IllegalArgumentException(key + ": default outside its range");
    }

    public static <T extends Comparable<? super T>> SettingDefinition<T> of(String key, SettingType<T> type, T defaultValue) {
        return new SettingDefinition<>(key, type, defaultValue, null, null, "", "", key, key, "", "", List.of(), false);
    }

    public SettingDefinition<T> withRange(T min, T max) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, unitZh, unitEn, nameZh, nameEn,
                descriptionZh, descriptionEn, ruleIds, secret);
    }

    public SettingDefinition<T> withUnit(String zh, String en) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, zh, en, nameZh, nameEn,
                descriptionZh, descriptionEn, ruleIds, secret);
    }

    public SettingDefinition<T> withName(String zh, String en) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, unitZh, unitEn, zh, en,
                descriptionZh, descriptionEn, ruleIds, secret);
    }

    public SettingDefinition<T> withDescription(String zh, String en) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, unitZh, unitEn, nameZh, nameEn, zh, en, ruleIds, secret);
    }

    public SettingDefinition<T> withRules(String... ids) {
        return new SettingDefinition<>(key, type, defaultValue, min, max, unitZh, unitEn, nameZh, nameEn,
                descriptionZh, descriptionEn, List.of(ids), secret);
    }

    /** A secret: its value is never answered by the API nor written in clear to the audit trail. */
    public SettingDefinition<T> asSecret() {
        return new SettingDefinition<>(key, type, defaultValue, min, max, unitZh, unitEn, nameZh, nameEn,
                descriptionZh, descriptionEn, ruleIds, true);
    }

    /**
     * The value as an administrator may see it ({@code json}: as {@link SettingType#toJson} gives it): itself, or for
     * a secret {@link #SECRET_SET} when it has one and an empty text when not.
     */
    public Object shown(Object json) {
        if (!secret) return json;
        return json == null || json.toString().isEmpty() ? "" : SECRET_SET;
    }

    public boolean inRange(T value) {
        return inRange(value, min, max);
    }

    private static <T extends Comparable<? super T>> boolean inRange(T value, T min, T max) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }
}
