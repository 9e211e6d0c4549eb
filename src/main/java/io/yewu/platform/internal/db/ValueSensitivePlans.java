package io.yewu.platform.internal.db;

import org.postgresql.PGStatement;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which statements PostgreSQL plans anew for their values (decision 0040). A prepared statement's plan is reused
 * (PgJDBC prepares a statement on the server after five uses on a connection, and PostgreSQL keeps its generic plan
 * when that costs no more than the custom ones): for key look-ups, inserts and updates, re-planning cost as much as
 * running them. A pattern match is the exception: whether a name piece can use its index depends on the piece (a
 * two-character ILIKE pattern makes the trigram index useless), and a cached generic plan once turned a 2 ms search
 * into 120 ms. A statement whose text matches ({@code LIKE}, {@code ILIKE}, {@code SIMILAR TO}, a trigram
 * {@code %}/{@code similarity}, a bigram {@code @>}) is therefore never prepared on the server: PostgreSQL plans it
 * for its values every time. The wrapped connection decides this when the statement is prepared, so no call site
 * has to remember it.
 */
final class ValueSensitivePlans implements InvocationHandler {

    private static final Pattern PATTERN_MATCH = Pattern.compile(
            "\\b(i?like|similar\\s+to|similarity|word_similarity)\\b|\\s%\\s|@>|~~", Pattern.CASE_INSENSITIVE);

    /**
     * The answer per statement text, so that the pattern runs once per distinct statement, not once per prepare (it
     * was a tenth of an order's CPU time). The application's statements are a few hundred texts; texts built per
     * request (an IN list of varying length) could grow it, so past {@link #REMEMBERED} texts new ones are only
     * matched, not kept.
     */
    private static final Map<String, Boolean> ANSWERS = new ConcurrentHashMap<>();
    static final int REMEMBERED = 4096;

    private final Connection target;

    private ValueSensitivePlans(Connection target) {
        this.target = target;
    }

    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(ValueSensitivePlans.class.getClassLoader(), new Class<?>[]{Connection.class},
                new ValueSensitivePlans(connection));
    }

    /** True when the statement's best plan depends on its values: planned for them every time. */
    static boolean planForValues(String sql) {
        Boolean known = ANSWERS.get(sql);
        if (known != null) return known;
        boolean answer = PATTERN_MATCH.matcher(sql).find();
        if (ANSWERS.size() < REMEMBERED) ANSWERS.put(sql, answer);
        return answer;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) return proxy;
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof PreparedStatement st && method.getName().startsWith("prepare") && args != null
                && args[0] instanceof String sql && planForValues(sql)) {
            neverPrepareOnTheServer(st);
        }
        return result;
    }

    private static void neverPrepareOnTheServer(PreparedStatement st) throws SQLException {
        if (st.isWrapperFor(PGStatement.class)) st.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
}
