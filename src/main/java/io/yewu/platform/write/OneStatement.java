package io.yewu.platform.write;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Several writes as one statement: named {@code WITH} parts (data-modifying, each with its {@code RETURNING} when a
 * later part or the final {@code SELECT} reads it) and a final {@code SELECT}. PostgreSQL runs every data-modifying
 * part exactly once, whether or not anything reads it, all with the statement's snapshot; foreign keys between the
 * parts are checked at the end of the statement. One round trip instead of one per table: on this project's two-core
 * reference machine a filing's six round trips had cost more than the rows they wrote (decision 0049).
 * <p>
 * The values of {@link FollowingWrite}s are bound as parameters named {@code w_0}, {@code w_1}, … in the order they
 * are bound, so the same composition gives the same text every time (PostgreSQL keeps its plan); the caller's own
 * parameters must not use that prefix.
 */
public final class OneStatement implements FollowingWrite.Binds {

    private final StringBuilder with = new StringBuilder("WITH ");
    private final Map<String, Object> params = new LinkedHashMap<>();
    private int parts;

    /** A part written by the caller, e.g. the first insert: {@code name AS (sql)}. */
    public OneStatement part(String name, String sql) {
        if (parts++ > 0) with.append(",\n");
        with.append(name).append(" AS (").append(sql).append(')');
        return this;
    }

    /** A write that follows the subject row, as part {@code name}. */
    public OneStatement then(String name, FollowingWrite write, FollowingWrite.Subject subject) {
        return part(name, write.sql(subject, this));
    }

    @Override
    public String bind(Object value, String sqlType) {
        String name = "w_" + params.size();
        params.put(name, value);
        return "CAST(:" + name + " AS " + sqlType + ")";
    }

    /** The statement's text, ending with {@code select}. */
    public String sql(String select) {
        if (parts == 0) throw new IllegalStateException("a statement without parts");
        return with + "\n" + select;
    }

    /** The values bound by the following writes, to pass beside the caller's own parameters. */
    public Map<String, Object> params() {
        return params;
    }
}
