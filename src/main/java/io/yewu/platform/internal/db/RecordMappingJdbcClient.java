package io.yewu.platform.internal.db;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The application's {@link JdbcClient}: Spring's, except that a query mapped to a record class maps its rows with
 * {@link RecordRows} instead of Spring's {@code SimplePropertyRowMapper}. Both bind a column to the record component
 * of the same name (snake_case or as written) and convert with the same conversion service, but Spring's looks every
 * column up by name and builds its type descriptors again for every row; that was a tenth of an order submission's
 * CPU (docs/performance.md, "Where an order's time goes"). Here names are resolved once per query and the component
 * types once per record class. {@code RecordRowsTest} checks that both mappers give equal records.
 */
final class RecordMappingJdbcClient implements JdbcClient {

    private final JdbcClient delegate;

    RecordMappingJdbcClient(JdbcClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public StatementSpec sql(String sql) {
        return new Spec(delegate.sql(sql));
    }

    /** The rows of one query as records of one class: column positions resolved at the first row. */
    static final class RecordRows<T> implements RowMapper<T> {

        private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
            @Override
            protected Shape computeValue(Class<?> type) {
                return new Shape(type);
            }
        };

        /** What every query of one record class shares: constructor, component names and types. */
        private static final class Shape {
            final Constructor<?> constructor;
            final String[] names;
            final String[] underscoreNames;
            final TypeDescriptor[] types;
            final boolean[] direct;

            Shape(Class<?> type) {
                constructor = BeanUtils.getResolvableConstructor(type);
                names = BeanUtils.getParameterNames(constructor);
                underscoreNames = new String[names.length];
                types = new TypeDescriptor[names.length];
                direct = new boolean[names.length];
                for (int i = 0; i < names.length; i++) {
                    underscoreNames[i] = JdbcUtils.convertPropertyNameToUnderscoreName(names[i]);
                    types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
                    // a value of the declared class is used as read, unless the type has generics to convert
                    direct[i] = !types[i].getResolvableType().hasGenerics();
                }
            }
        }

        private final Shape shape;
        private final ConversionService conversions;
        private int[] columns;

        RecordRows(Class<T> type, ConversionService conversions) {
            this.shape = SHAPES.get(type);
            this.conversions = conversions;
        }

        static boolean maps(Class<?> type) {
            return type.isRecord();
        }

        @Override
        @SuppressWarnings("unchecked")
        public T mapRow(ResultSet rs, int rowNum) throws SQLException {
            if (columns == null) columns = resolve(rs);
            Object[] args = new Object[columns.length];
            for (int i = 0; i < args.length; i++) {
                Class<?> type = shape.types[i].getType();
                Object value = JdbcUtils.getResultSetValue(rs, columns[i], type);
                args[i] = value != null && shape.direct[i] && ClassUtils.isAssignableValue(type, value)
                        ? value : conversions.convert(value, shape.types[i]);
            }
            return (T) BeanUtils.instantiateClass(shape.constructor, args);
        }

        private int[] resolve(ResultSet rs) throws SQLException {
            int[] found = new int[shape.names.length];
            for (int i = 0; i < found.length; i++) {
                try {
                    found[i] = rs.findColumn(shape.underscoreNames[i]);
                } catch (SQLException notSnakeCase) {
                    found[i] = rs.findColumn(shape.names[i]);
                }
            }
            return found;
        }
    }

    private static final class Spec implements StatementSpec {
        private final StatementSpec spec;

        Spec(StatementSpec spec) {
            this.spec = spec;
        }

        @Override
        public <T> MappedQuerySpec<T> query(Class<T> mappedClass) {
            return RecordRows.maps(mappedClass)
                    ? spec.query(new RecordRows<>(mappedClass, DefaultConversionService.getSharedInstance()))
                    : spec.query(mappedClass);
        }

        @Override public StatementSpec withFetchSize(int fetchSize) { spec.withFetchSize(fetchSize); return this; }
        @Override public StatementSpec withMaxRows(int maxRows) { spec.withMaxRows(maxRows); return this; }
        @Override public StatementSpec withQueryTimeout(int seconds) { spec.withQueryTimeout(seconds); return this; }
        @Override public StatementSpec param(Object value) { spec.param(value); return this; }
        @Override public StatementSpec param(int index, Object value) { spec.param(index, value); return this; }
        @Override public StatementSpec param(int index, Object value, int sqlType) { spec.param(index, value, sqlType); return this; }
        @Override public StatementSpec param(String name, Object value) { spec.param(name, value); return this; }
        @Override public StatementSpec param(String name, Object value, int sqlType) { spec.param(name, value, sqlType); return this; }
        @Override public StatementSpec params(Object... values) { spec.params(values); return this; }
        @Override public StatementSpec params(List<?> values) { spec.params(values); return this; }
        @Override public StatementSpec params(Map<String, ?> paramMap) { spec.params(paramMap); return this; }
        @Override public StatementSpec paramSource(Object namedParamObject) { spec.paramSource(namedParamObject); return this; }
        @Override public StatementSpec paramSource(SqlParameterSource namedParamSource) { spec.paramSource(namedParamSource); return this; }
        @Override public ResultQuerySpec query() { return spec.query(); }
        @Override public <T> MappedQuerySpec<T> query(RowMapper<T> rowMapper) { return spec.query(rowMapper); }
        @Override public void query(RowCallbackHandler rch) { spec.query(rch); }
        @Override public <T> T query(ResultSetExtractor<T> rse) { return spec.query(rse); }
        @Override public int update() { return spec.update(); }
        @Override public int update(KeyHolder generatedKeyHolder) { return spec.update(generatedKeyHolder); }
        @Override public int update(KeyHolder generatedKeyHolder, String... keyColumnNames) { return spec.update(generatedKeyHolder, keyColumnNames); }
    }
}
