package io.yewu.platform.internal.calendar;

import io.yewu.platform.internal.company.CompanySetup;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A new company starts with the officially published schedules shipped in {@code calendar/<year>.json}
 * (the State Council's notices, spec 00 PLT-4). Years not shipped are left unpublished: never guessed.
 */
@Component
class OfficialCalendar implements CompanySetup {

    static final List<Integer> SHIPPED_YEARS = List.of(2025, 2026);

    private final CalendarStore store;

    OfficialCalendar(CalendarStore store) {
        this.store = store;
    }

    @Override
    public void setUp(long companyId) {
        for (int year : SHIPPED_YEARS) {
            HolidayFile file = read(year);
            store.replaceYear(companyId, file.year(), file.days());
        }
    }

    static HolidayFile read(int year) {
        try (InputStream in = new ClassPathResource("calendar/" + year + ".json").getInputStream()) {
            return HolidayFile.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
