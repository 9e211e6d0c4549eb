package io.yewu.platform.internal.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarReminderTest {

    @ParameterizedTest(name = "PLT-4: on {0} with {1} entered, missing: {2}")
    @CsvSource(delimiter = ';', value = {
            "2026-11-30; 2025 2026; ''",          // the coming year is not due before December
            "2026-12-01; 2025 2026; 2027",        // from 1 December it is
            "2026-12-31; 2025 2026; 2027",
            "2026-12-01; 2025 2026 2027; ''",     // entered: nothing to remind
            "2027-01-15; 2025 2026; 2027",        // the current year stays due until entered
            "2027-03-01; 2027; ''",
    })
    void PLT4_theComingYearIsDueFromTheFirstOfDecember(LocalDate today, String entered, String missing) {
        Set<Integer> published = Arrays.stream(entered.split(" ")).map(Integer::valueOf).collect(Collectors.toSet());
        var expected = missing.isBlank() ? java.util.List.<Integer>of()
                : Arrays.stream(missing.split(" ")).map(Integer::valueOf).toList();
        assertThat(CalendarReminder.missingYears(today, published::contains)).containsExactlyElementsOf(expected);
    }
}
