package io.yewu.platform.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kind of a setting's value: how it is stored (text), typed in Java, and shown in JSON. {@link #parse} accepts
 * what the UI sends (a JSON number, boolean or string) and returns empty when it is not of this type.
 */
public final class SettingType<T extends Comparable<? super T>> {

    public static final SettingType<Long> INTEGER =
            new SettingType<>("INTEGER", "整数", "an integer", SettingType::integer, String::valueOf, v -> v);
    public static final SettingType<BigDecimal> DECIMAL =
            new SettingType<>("DECIMAL", "数字", "a number", SettingType::decimal, BigDecimal::toPlainString, v -> v);
    /** Yuan with at most two decimals (PLT-8). */
    public static final SettingType<BigDecimal> MONEY = new SettingType<>("MONEY", "金额（最多两位小数）",
            "an amount with at most two decimals", SettingType::money, BigDecimal::toPlainString, v -> v);
    public static final SettingType<Boolean> BOOLEAN =
            new SettingType<>("BOOLEAN", "是或否", "true or false", SettingType::bool, String::valueOf, v -> v);
    public static final SettingType<String> STRING =
            new SettingType<>("STRING", "文本", "text", Optional::of, v -> v, v -> v);
    /** A duration entered and shown in hours (decimals allowed: 0.5 is 30 minutes). */
    public static final SettingType<Duration> DURATION_HOURS = new SettingType<>("DURATION_HOURS", "小时数",
            "a number of hours", SettingType::hours, SettingType::hoursText, SettingType::hoursNumber);
    /** A time of day in Asia/Shanghai, {@code HH:mm}. */
    public static final SettingType<LocalTime> TIME_OF_DAY = new SettingType<>("TIME_OF_DAY", "时刻（时:分）",
            "a time of day (HH:mm)", SettingType::time, LocalTime::toString, LocalTime::toString);

    private final String name;
    private final String zh;
    private final String en;
    private final Function<String, Optional<T>> fromText;
    private final Function<T, String> toText;
    private final Function<T, Object> toJson;

    private SettingType(String name, String zh, String en, Function<String, Optional<T>> fromText,
                        Function<T, String> toText, Function<T, Object> toJson) {
        this.name = name;
        this.zh = zh;
        this.en = en;
        this.fromText = fromText;
        this.toText = toText;
        this.toJson = toJson;
    }

    public String name() { return name; }

    /** What a value of this type looks like, for the "must be …" message. */
    public String describe(boolean chinese) { return chinese ? zh : en; }

    /** A value from input: a JSON number, boolean or string; empty when it is not of this type. */
    public Optional<T> parse(Object input) {
        if (input == null) return Optional.empty();
        if (this == STRING) return input instanceof String ? fromText.apply(input.toString().trim()) : Optional.empty();
        if (this != BOOLEAN && input instanceof Boolean) return Optional.empty();
        String text = input instanceof BigDecimal d ? d.toPlainString() : input.toString().trim();
        return text.isEmpty() ? Optional.empty() : fromText.apply(text);
    }

    /** A stored value; stored text always parses because it was written by {@link #toText}. */
    public T fromText(String stored) {
        return fromText.apply(stored).orElseThrow(() -> new IllegalStateException(name + " value: " + stored));
    }

    public String toText(T value) { return toText.apply(value); }

    public Object toJson(T value) { return toJson.apply(value); }

    @SuppressWarnings("unchecked")
    T cast(Object value) { return (T) value; }

    @Override
    public String toString() { return name; }

    private static Optional<BigDecimal> decimal(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> integer(String text) {
        return decimal(text).flatMap(d -> {
            try {
                return Optional.of(d.longValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<BigDecimal> money(String text) {
        return decimal(text).filter(d -> d.stripTrailingZeros().scale() <= 2).map(d -> d.setScale(2, RoundingMode.UNNECESSARY));
    }

    private static Optional<Boolean> bool(String text) {
        return switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Optional<Duration> hours(String text) {
        return decimal(text).filter(d -> d.signum() >= 0)
                .map(d -> Duration.ofSeconds(d.multiply(BigDecimal.valueOf(3600)).setScale(0, RoundingMode.HALF_UP).longValueExact()));
    }

    private static BigDecimal hoursNumber(Duration d) {
        BigDecimal hours = BigDecimal.valueOf(d.toSeconds()).divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_UP).stripTrailingZeros();
        return hours.scale() < 0 ? hours.setScale(0) : hours;
    }

    private static String hoursText(Duration d) {
        return hoursNumber(d).toPlainString();
    }

    private static Optional<LocalTime> time(String text) {
        if (!text.matches("\\d{1,2}:\\d{2}")) return Optional.empty();
        String[] hm = text.split(":");
        int h = Integer.parseInt(hm[0]);
        int m = Integer.parseInt(hm[1]);
        return h < 24 && m < 60 ? Optional.of(LocalTime.of(h, m)) : Optional.empty();
    }
}
