package io.yewu.service.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's recent tickets stay in the current month (Asia/Shanghai), so the QC inspector's page (QC-1), which
 * opens on this month, has the month's sample even when the demo company is made in the first hours of a month
 * (a browser test run at 00:20 on 1 December found it empty).
 */
class ServiceDemoTimesTest {

    private static Instant at(String shanghai) {
        return OffsetDateTime.parse(shanghai).toInstant();
    }

    @Test
    void aRecentTicketInTheFirstHoursOfAMonthIsReceivedAtTheMonthsStart() {
        Instant now = at("2026-12-01T00:20:00+08:00");
        assertThat(ServiceDemoData.received(now, 1)).isEqualTo(at("2026-12-01T00:00:00+08:00"));
        assertThat(ServiceDemoData.received(now, 5)).isEqualTo(at("2026-12-01T00:00:00+08:00"));
    }

    @Test
    void olderTicketsAndRecentOnesLaterInTheMonthKeepTheirAge() {
        assertThat(ServiceDemoData.received(at("2026-12-01T00:20:00+08:00"), 30)).isEqualTo(at("2026-11-29T18:20:00+08:00"));
        assertThat(ServiceDemoData.received(at("2026-12-15T10:00:00+08:00"), 2)).isEqualTo(at("2026-12-15T08:00:00+08:00"));
        // the month is Shanghai's: 03:00 on the 1st in Shanghai is still the 30th in UTC
        assertThat(ServiceDemoData.received(at("2026-12-01T03:00:00+08:00"), 5)).isEqualTo(at("2026-12-01T00:00:00+08:00"));
    }
}
