package io.yewu.platform.write;

/**
 * A write that follows a row inserted earlier in the same statement: its {@code INSERT … SELECT … FROM} text, taking
 * the new row's id from {@link Subject#id()} and its values through {@link Binds}. Handed out by the one writer of a
 * table (the decision records, the audit trail, a capability's ledger) and composed by {@link OneStatement}.
 */
@FunctionalInterface
public interface FollowingWrite {

    String sql(Subject subject, Binds binds);

    /**
     * The row a following write refers to: {@code from} is what its {@code SELECT} reads (a {@code WITH} part, or
     * several), {@code id} the expression of the row's id, {@code condition} when the write happens at all (e.g.
     * {@code "won.all_keys"}: only when the file kept every key).
     */
    record Subject(String from, String id, String condition) {

        public Subject(String from, String id) {
            this(from, id, "TRUE");
        }

        /** A row whose id is known: the id bound as a parameter of the statement. */
        public static Subject known(long id, Binds binds) {
            return new Subject("(SELECT " + binds.bind(id, "bigint") + " AS id) AS subject", "subject.id");
        }

        /** {@code FROM … WHERE …} of a write that makes one row per subject row; {@code more} joins further relations. */
        public String fromWhere(String more) {
            return "FROM " + from + (more.isEmpty() ? "" : ", " + more) + " WHERE " + condition;
        }
    }

    /** Binds a value as a parameter of the statement; answers the parameter's text, cast to {@code sqlType}. */
    interface Binds {
        String bind(Object value, String sqlType);

        /**
         * {@code VALUES (0, …), (1, …)}: one row per element of {@code rows}, numbered from 0 in the first column (to
         * keep their order) and its values bound under {@code sqlTypes}, one text per number of rows.
         */
        default String values(java.util.List<Object[]> rows, String... sqlTypes) {
            StringBuilder values = new StringBuilder("VALUES ");
            for (int n = 0; n < rows.size(); n++) {
                Object[] row = rows.get(n);
                values.append(n == 0 ? "(" : ", (").append(n);
                for (int i = 0; i < sqlTypes.length; i++) values.append(", ").append(bind(row[i], sqlTypes[i]));
                values.append(')');
            }
            return values.toString();
        }
    }
}
