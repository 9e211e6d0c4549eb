package io.yewu.customer.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * A read planned without some kinds of scan, where the planner would misjudge a name piece: in a read-only
 * transaction whose planner settings hold for it alone, with every plan custom, so that no cached plan is made or
 * reused under them (decision 0040 point 4). Used by the look-up by name (decision 0035) and the DEFINER path's
 * ordered walk (decision 0038).
 */
@Component
class PlannedReads {

    /** The scans a read may not use. */
    enum Scan {
        SEQUENTIAL("enable_seqscan"), INDEX("enable_indexscan"), BITMAP("enable_bitmapscan");

        private final String setting;

        Scan(String setting) {
            this.setting = setting;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    PlannedReads(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    <T> T without(Scan first, Scan second, Supplier<T> read) {
        return readOnly.execute(status -> {
            jdbc.sql("SELECT set_config(:a, 'off', true), set_config(:b, 'off', true),"
                            + " set_config('plan_cache_mode', 'force_custom_plan', true)")
                    .param("a", first.setting).param("b", second.setting).query().listOfRows();
            return read.get();
        });
    }
}
