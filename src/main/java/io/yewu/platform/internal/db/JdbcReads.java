package io.yewu.platform.internal.db;

import io.yewu.platform.read.OneTrip;
import io.yewu.platform.read.Reads;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SingleColumnRowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

/**
 * {@link Reads} on the application's pool (behind the company wall): the trip's text as one prepared statement,
 * which PgJDBC sends as one batch of messages, its result sets read in order. Inside a transaction the trip uses the
 * transaction's connection, as any other statement does.
 */
@Component
class JdbcReads implements Reads, OneTrip.Runner {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OneTrip trip(Map<String, ?> params) {
        return new OneTrip(this, params);
    }

    @Override
    public void run(String sql, Map<String, Object> params, List<OneTrip.Rows<?>> parts) {
        jdbc.execute(sql, params, ps -> {
            boolean results = ps.execute();
            for (int i = 0; i < parts.size(); i++) {
                if (!results) throw new InvalidDataAccessApiUsageException("part " + i + " of a trip gave no rows: " + sql);
                try (ResultSet rs = ps.getResultSet()) {
                    parts.get(i).read(rs);
                }
                results = ps.getMoreResults();
            }
            if (results || ps.getUpdateCount() != -1) throw new InvalidDataAccessApiUsageException("a trip answered more than its parts: " + sql);
            return null;
        });
    }

    @Override
    public <T> RowMapper<T> rowsOf(Class<T> type) {
        if (RecordMappingJdbcClient.RecordRows.maps(type)) {
            return new RecordMappingJdbcClient.RecordRows<>(type, DefaultConversionService.getSharedInstance());
        }
        if (ClassUtils.isPrimitiveOrWrapper(type) || type == String.class || Number.class.isAssignableFrom(type)
                || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return SingleColumnRowMapper.newInstance(type);
        }
        return BeanPropertyRowMapper.newInstance(type);
    }
}
