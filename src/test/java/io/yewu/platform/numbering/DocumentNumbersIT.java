package io.yewu.platform.numbering;

import com.zaxxer.hikari.HikariDataSource;
import io.yewu.platform.security.CompanyContext;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Decision 0030: document numbers are taken outside the caller's transaction, unique and gap-free when nothing fails. */
class DocumentNumbersIT extends IntegrationTest {

    @Autowired
    DocumentNumbers numbers;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    @Qualifier("numberingDataSource")
    DataSource numbering;

    private long demo() {
        return asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
    }

    /** A day of its own per test run, so the counters start at 1. */
    private static LocalDate freshDay(int offset) {
        return LocalDate.of(1990, 1, 1).plusDays(System.nanoTime() % 9000 + offset);
    }

    @Test
    void aNumberTakenInsideATransactionDoesNotKeepItsConnectionUntilThatTransactionEnds() throws Exception {
        long company = demo();
        LocalDate day = freshDay(0);
        HikariDataSource pool = numbering.unwrap(HikariDataSource.class);
        int[] taken = new int[3];
        int[] activeInside = new int[1];
        tx.executeWithoutResult(s -> CompanyContext.runAs(company, () -> {
            for (int i = 0; i < 3; i++) taken[i] = numbers.next(DocumentNumbers.Series.QUOTE, day);
            activeInside[0] = pool.getHikariPoolMXBean().getActiveConnections();
        }));
        assertThat(taken).containsExactly(1, 2, 3);
        assertThat(activeInside[0]).as("numbering connections held by the open transaction").isZero();
    }

    @Test
    void concurrentCallersGetDistinctConsecutiveNumbersAndARolledBackCallerLeavesAGap() throws Exception {
        long company = demo();
        LocalDate day = freshDay(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                futures.add(pool.submit(() -> tx.execute(s -> CompanyContext.callAs(company, () -> IntStream.range(0, 10)
                        .mapToObj(i -> numbers.next(DocumentNumbers.Series.SALES_ORDER, day)).toList()))));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : futures) all.addAll(f.get());
            Collections.sort(all);
            assertThat(all).containsExactlyElementsOf(IntStream.rangeClosed(1, 120).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        tx.executeWithoutResult(s -> {
            CompanyContext.runAs(company, () -> numbers.next(DocumentNumbers.Series.SALES_ORDER, day));
            s.setRollbackOnly();
        });
        int next = tx.execute(s -> CompanyContext.callAs(company, () -> numbers.next(DocumentNumbers.Series.SALES_ORDER, day)));
        assertThat(next).as("the rolled-back caller's number stays used").isEqualTo(122);
    }
}
