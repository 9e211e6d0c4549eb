package io.yewu.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Decision 0045: a page that shows the end of its list gives the total itself; only the others run the count. */
class PageTest {

    @ParameterizedTest(name = "page {0} of {1}, {2} rows shown, count answers {3} -> total {4}, exact {5}, counted {6}")
    @CsvSource({
            // the first page, short: the list ends here
            "0, 20, 0,    999, 0,    true,  false",
            "0, 20, 5,    999, 5,    true,  false",
            "0, 20, 19,   999, 19,   true,  false",
            // a full page: more may follow, so the count answers
            "0, 20, 20,   20,  20,   true,  true",
            "0, 20, 20,   57,  57,   true,  true",
            "0, 20, 20,   1001, 1000, false, true",
            // a later page, short but not empty: offset plus rows, even past the count's cap
            "2, 20, 7,    999, 47,   true,  false",
            "60, 20, 5,   999, 1205, true,  false",
            // a later page, empty (asked past the end): the count tells where the list ends
            "3, 20, 0,    41,  41,   true,  true",
            "80, 20, 0,   1001, 1000, false, true",
    })
    void aShortPageEndsTheListAndIsNotCounted(int page, int size, int shown, long counted, long total, boolean exact,
                                               boolean countRuns) {
        AtomicInteger calls = new AtomicInteger();
        Page<String> p = Page.of(Collections.nCopies(shown, "row"), new PageQuery(page, size, null), () -> {
            calls.incrementAndGet();
            return counted;
        });
        assertThat(p.total()).isEqualTo(total);
        assertThat(p.totalExact()).isEqualTo(exact);
        assertThat(calls.get()).isEqualTo(countRuns ? 1 : 0);
        assertThat(p.items()).hasSize(shown);
        assertThat(p.page()).isEqualTo(page);
    }

    /** A page number so large that its offset would overflow stays a page past the end, with a positive offset. */
    @ParameterizedTest(name = "page {0} of {1}")
    @CsvSource({"2147483647, 200", "2147483647, 20", "1073741824, 2", "2147483647, 1", "-5, 20"})
    void aHugePageNumberIsAPagePastTheEndNotANegativeOffset(int page, int size) {
        PageQuery q = new PageQuery(page, size, null);
        assertThat(q.offset()).isNotNegative();
        assertThat((long) q.offset() + q.size()).isLessThanOrEqualTo(Integer.MAX_VALUE);
        assertThat(q.offset()).isGreaterThanOrEqualTo(page < 0 ? 0 : Integer.MAX_VALUE - 2 * size);
    }
}
