package io.yewu.platform.settings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SettingTypeTest {

    @ParameterizedTest(name = "PLT2: {0} accepts \"{1}\" -> {2}")
    @CsvSource({
            "INTEGER, 24, 24",
            "INTEGER, 24.0, 24",
            "INTEGER, 24.5, ",
            "INTEGER, abc, ",
            "DECIMAL, 0.13, 0.13",
            "DECIMAL, x, ",
            "MONEY, 1500, 1500.00",
            "MONEY, 1500.005, ",
            "DURATION_HOURS, 24, 24",
            "DURATION_HOURS, 0.5, 0.5",
            "DURATION_HOURS, -1, ",
            "TIME_OF_DAY, 09:00, 09:00",
            "TIME_OF_DAY, 24:00, ",
            "BOOLEAN, true, true",
            "BOOLEAN, yes, ",
    })
    void parsesTextInputAndRoundTripsThroughStorage(String type, String input, String expected) {
        SettingType<?> t = type(type);
        assertThat(t.parse(input).map(v -> roundTrip(t, v))).isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "PLT2: a JSON boolean is not a number for {0}")
    @CsvSource({"INTEGER", "DECIMAL", "DURATION_HOURS"})
    void booleanIsNotANumber(String type) {
        assertThat(type(type).parse(true)).isEmpty();
    }

    @ParameterizedTest(name = "PLT2: {0} hours is {1} minutes")
    @CsvSource({"24, 1440", "0.5, 30", "1.25, 75"})
    void hoursAreTypedAsDurations(BigDecimal hours, long minutes) {
        assertThat(SettingType.DURATION_HOURS.parse(hours)).contains(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest(name = "PLT2: VAT rate {0} in range: {1}")
    @CsvSource({"0.13, true", "0, true", "0.5, true", "0.51, false", "-0.01, false"})
    void platformVatRateRange(BigDecimal rate, boolean ok) {
        assertThat(PlatformSettings.VAT_RATE.inRange(rate)).isEqualTo(ok);
    }

    private static <T extends Comparable<? super T>> String roundTrip(SettingType<T> t, Object value) {
        return t.toText(t.fromText(t.toText(t.cast(value))));
    }

    private static SettingType<?> type(String name) {
        return switch (name) {
            case "INTEGER" -> SettingType.INTEGER;
            case "DECIMAL" -> SettingType.DECIMAL;
            case "MONEY" -> SettingType.MONEY;
            case "DURATION_HOURS" -> SettingType.DURATION_HOURS;
            case "TIME_OF_DAY" -> SettingType.TIME_OF_DAY;
            case "BOOLEAN" -> SettingType.BOOLEAN;
            default -> SettingType.STRING;
        };
    }
}
