package io.yewu.platform.internal.numbering;

import io.yewu.platform.numbering.DocumentNumbers;
import io.yewu.platform.security.CompanyContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;

/**
 * One upsert on a pool of its own whose connections commit each statement at once with
 * {@code synchronous_commit = off}: the counter row is locked for the statement only, not for the caller's whole
 * transaction. Not waiting for the flush is safe: a document that uses the number commits durably later, and
 * flushing its commit record flushes the write-ahead log up to it, the counter's commit included; if nothing
 * using the number ever commits, losing the counter's step only closes a gap.
 * <p>
 * Plain JDBC on purpose: Spring's {@code DataSourceUtils} (behind {@code JdbcClient}) would bind the connection to
 * the caller's transaction and keep it out of the pool until that transaction ends, so a few concurrent
 * submissions would exhaust the pool. Here the connection goes back the moment the number is taken.
 */
@Service
class JdbcDocumentNumbers implements DocumentNumbers {

    private static final String NEXT = """
            INSERT INTO document_number AS n (company_id, series, day, last_no) VALUES (?, ?, ?, 1)
            ON CONFLICT (company_id, series, day) DO UPDATE SET last_no = n.last_no + 1 RETURNING last_no""";

    private final DataSource numbering;

    JdbcDocumentNumbers(@Qualifier("numberingDataSource") DataSource numbering) {
        this.numbering = numbering;
    }

    @Override
    public int next(Series series, LocalDate day) {
        Long company = CompanyContext.companyId();
        if (company == null) throw new IllegalStateException("document numbers are taken within a company");
        try (Connection c = numbering.getConnection(); PreparedStatement st = c.prepareStatement(NEXT)) {
            st.setLong(1, company);
            st.setString(2, series.key());
            st.setObject(3, day);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLTransientConnectionException e) {
            throw new CannotGetJdbcConnectionException("no connection for document numbers", e);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("document number", NEXT, e);
        }
    }
}
