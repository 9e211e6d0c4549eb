package io.yewu.platform.numbering;

import java.time.LocalDate;

/**
 * Hands out the day's next number of a series for the current company. The counter is taken and committed at
 * once, outside the caller's transaction, so concurrent submissions never queue behind one another's counter row
 * for the length of their transactions (decision 0030). Numbers are unique and increasing per company, series and
 * day; a caller whose transaction rolls back leaves a gap.
 */
public interface DocumentNumbers {

    enum Series {
        SALES_ORDER("sales-order"), QUOTE("quote"), TICKET("ticket");

        private final String key;

        Series(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The next number of {@code series} on {@code day} for the company in context, starting at 1 each day. */
    int next(Series series, LocalDate day);
}
