package io.yewu.platform.read;

import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several SELECTs sent in one round trip: PgJDBC sends the statements of one text separated by {@code ;} as one
 * message batch (each parsed, bound and executed, one {@code Sync} at the end) and PostgreSQL runs them in one
 * transaction, so they also read one consistent state. The answers come back as one result set per part, read in
 * order into each part's {@link Rows}. On this project's two-core reference machine a round trip costs more CPU (the
 * loopback write, the wake-ups) than a small indexed SELECT; a customer's detail took eight (decision 0050).
 * <p>
 * The parts share the trip's parameters; values a part needs of its own are {@link #bind bound} under the names
 * {@code r_0}, {@code r_1}, … in order, so the same composition gives the same text and PostgreSQL keeps its plans.
 * A part must be one SELECT (or WITH … SELECT) without a trailing semicolon. Not thread-safe; one trip runs once.
 */
public final class OneTrip {

    /** Runs the joined text: one result set per part, in order, each handed to its part. */
    public interface Runner {
        void run(String sql, Map<String, Object> params, List<Rows<?>> parts);

        <T> RowMapper<T> rowsOf(Class<T> type);
    }

    /** A part's rows: readable once the trip has run. */
    public static final class Rows<T> {
        private final RowMapper<T> mapper;
        private List<T> rows;

        private Rows(RowMapper<T> mapper) {
            this.mapper = mapper;
        }

        /** Maps this part's result set; called by the {@link Runner}, once. */
        public void read(java.sql.ResultSet rs) throws java.sql.SQLException {
            List<T> read = new ArrayList<>();
            int n = 0;
            while (rs.next()) read.add(mapper.mapRow(rs, n++));
            rows = Collections.unmodifiableList(read);
        }

        public List<T> list() {
            if (rows == null) throw new IllegalStateException("the trip has not run");
            return rows;
        }

        /** The one row, or empty; more than one is a programming error. */
        public java.util.Optional<T> optional() {
            List<T> all = list();
            if (all.size() > 1) throw new IllegalStateException("expected at most one row, got " + all.size());
            return all.stream().findFirst();
        }
    }

    private final Runner runner;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final StringBuilder sql = new StringBuilder();
    private final List<Rows<?>> parts = new ArrayList<>();
    private int bound;
    private boolean ran;

    public OneTrip(Runner runner, Map<String, ?> shared) {
        this.runner = runner;
        shared.forEach((k, v) -> {
            if (k.startsWith("r_")) throw new IllegalArgumentException("the parameter prefix r_ is the trip's own: " + k);
            params.put(k, v);
        });
    }

    /** A value of a part's own, as a parameter reference to put in its SQL ({@code CAST(:r_N AS type)}). */
    public String bind(Object value, String sqlType) {
        String name = "r_" + bound++;
        params.put(name, value);
        return "CAST(:" + name + " AS " + sqlType + ")";
    }

    /** A part whose rows map to a record class by column name (as the application's JdbcClient maps them). */
    public <T> Rows<T> add(String select, Class<T> type) {
        return add(select, runner.rowsOf(type));
    }

    public <T> Rows<T> add(String select, RowMapper<T> mapper) {
        if (ran) throw new IllegalStateException("the trip has already run");
        String part = Objects.requireNonNull(select).strip();
        if (part.endsWith(";")) throw new IllegalArgumentException("a part ends without a semicolon");
        if (!parts.isEmpty()) sql.append(";\n");
        sql.append(part);
        Rows<T> rows = new Rows<>(mapper);
        parts.add(rows);
        return rows;
    }

    /** Sends every part in one round trip and fills their rows. */
    public void run() {
        if (ran) throw new IllegalStateException("the trip has already run");
        if (parts.isEmpty()) throw new IllegalStateException("a trip without parts");
        ran = true;
        runner.run(sql.toString(), params, parts);
    }

    /** The joined text, for tests and logs. */
    public String sql() {
        return sql.toString();
    }
}
