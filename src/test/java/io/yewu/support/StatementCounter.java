package io.yewu.support;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the SQL statements one HTTP request sends to the application's pool, so a test can prove that a bulk
 * action costs the same number of statements for 5 rows as for 50 (no N+1). A request carrying the header
 * {@value #HEADER} records every statement prepared or executed on its own thread under that header's value;
 * background work (scheduler, watchdog) runs on other threads and is not counted.
 */
public final class StatementCounter {

    public static final String HEADER = "X-Test-Statements";

    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final Map<String, List<String>> BY_TAG = new ConcurrentHashMap<>();

    private StatementCounter() {}

    /** The statements the request tagged {@code tag} sent, in order. */
    public static List<String> statements(String tag) {
        return BY_TAG.getOrDefault(tag, List.of());
    }

    /**
     * The statements that do the request's work: without the session's bookkeeping and the reads that fill a
     * node's per-company copies (settings, decision 0030; business calendar, decision 0042), which depend on what
     * ran before and when, not on the request's size.
     */
    public static List<String> work(List<String> statements) {
        return statements.stream().filter(s -> !CACHE_FILLS.contains(s.strip().toLowerCase(java.util.Locale.ROOT))
                && !s.toLowerCase(java.util.Locale.ROOT).contains("spring_session")
                && !s.toLowerCase(java.util.Locale.ROOT).contains("from setting_value")).toList();
    }

    /** The business calendar's revision check and its load (CalendarStore), as the driver sees them. */
    private static final java.util.Set<String> CACHE_FILLS = java.util.Set.of(
            "select revision from calendar_revision where company_id = ?",
            "select day, off, name from calendar_day where company_id = ?",
            "select year from calendar_year where company_id = ? and published");

    private static void record(String sql) {
        List<String> list = CURRENT.get();
        if (list != null) list.add(sql);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && name.equals("dataSource") ? new Counting(ds) : bean;
                }
            };
        }

        @Bean
        FilterRegistrationBean<Filter> statementCountingFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                String tag = request instanceof jakarta.servlet.http.HttpServletRequest http ? http.getHeader(HEADER) : null;
                if (tag == null) {
                    chain.doFilter(request, response);
                    return;
                }
                List<String> list = new ArrayList<>();
                CURRENT.set(list);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CURRENT.remove();
                    BY_TAG.put(tag, List.copyOf(list));
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** The pool, with connections that report each statement. */
    static final class Counting extends DelegatingDataSource implements AutoCloseable {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable c) c.close();
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection target) {
            return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        String m = method.getName();
                        if ((m.equals("prepareStatement") || m.equals("prepareCall")) && args != null && args[0] instanceof String sql) {
                            record(sql);
                        }
                        Object result = invoke(target, method, args);
                        if (m.equals("createStatement") && result instanceof Statement st) return statement(st);
                        return result;
                    });
        }

        private static Statement statement(Statement target) {
            return (Statement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{Statement.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                            record(sql);
                        }
                        return invoke(target, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
