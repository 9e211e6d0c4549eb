package io.yewu.platform.internal.numbering;

import io.yewu.platform.numbering.DocumentNumbers;
import io.yewu.platform.security.CompanyContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.time.LocalDate;

/**
 * One upsert on a pool of its own whose connections commit each statement at once with
 * {@code synchronous_commit = off}: the counter row is locked for the statement only, not for the caller's whole
 * transaction. Not waiting for the flush is safe: a document that uses the number commits durably later, and
 * flushing its commit record flushes the write-ahead log up to it, the counter's commit included; if nothing
 * using the number ever commits, losing the counter's step only closes a gap.
 */
@Service
class JdbcDocumentNumbers implements DocumentNumbers {

    private final JdbcClient jdbc;

    JdbcDocumentNumbers(@Qualifier("numberingDataSource") DataSource numbering) {
        this.jdbc = JdbcClient.create(numbering);
    }

    @Override
    public int next(Series series, LocalDate day) {
        Long company = CompanyContext.companyId();
        if (company == null) throw new IllegalStateException("document numbers are taken within a company");
        return jdbc.sql("""
                INSERT INTO document_number AS n (company_id, series, day, last_no) VALUES (:c, :s, :d, 1)
                ON CONFLICT (company_id, series, day) DO UPDATE SET last_no = n.last_no + 1 RETURNING last_no""")
                .param("c", company).param("s", series.key()).param("d", day).query(Integer.class).single();
    }
}
