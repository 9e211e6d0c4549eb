package io.yewu.platform.internal.db;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * PostgreSQL's LISTEN/NOTIFY for the node's caches: one connection of its own (the application's login) listens on
 * the channels its {@link Listener}s name and hands each notification to them. A cache may serve from memory only
 * while {@link #listening()}: when the connection breaks, every listener is told that notifications may have been
 * missed ({@link Listener#lost()}), and again once listening resumes, so nothing cached before the gap survives it.
 * Notifications are sent by triggers in the database, on commit, so a change is seen whichever node or tool made it.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

    /** A cache that drops entries when the database says they changed. */
    public interface Listener {

        /** The channel its triggers notify, e.g. {@code yewu_settings}. */
        String channel();

        /** One notification on the channel; the payload as the trigger sent it. */
        void notified(String payload);

        /** Notifications may have been missed: forget everything. */
        void lost();
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

    private final DatabaseLogins logins;
    private final ObjectProvider<Listener> provider;
    private volatile List<Listener> listeners = List.of();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    DatabaseNotifications(DatabaseLogins logins, ObjectProvider<Listener> provider) {
        this.logins = logins;
        this.provider = provider;
    }

    /** Whether changes made elsewhere reach this node now; caches serve from memory only while true. */
    public boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        listeners = provider.orderedStream().toList();
        running = true;
        thread = Thread.ofPlatform().daemon().name("yewu-db-notifications").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is all we want
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        boolean warned = false;
        while (running) {
            Properties props = new Properties();
            props.setProperty("user", logins.appUser());
            props.setProperty("password", logins.appPassword());
            props.setProperty("ApplicationName", "yewu-notifications");
            try (Connection c = DriverManager.getConnection(logins.url(), props)) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("SET ROLE yewu_app");
                    for (Listener l : listeners) st.execute("LISTEN " + l.channel());
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listeners.forEach(Listener::lost);
                listening = true;
                if (warned) log.info("Listening to database notifications again");
                warned = false;
                while (running) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received == null) continue;
                    for (PGNotification n : received) {
                        for (Listener l : listeners) if (l.channel().equals(n.getName())) l.notified(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running && !warned) {
                    log.warn("Not listening to database notifications ({}); caches read the database until it is back", e.getMessage());
                    warned = true;
                }
            } finally {
                listening = false;
                connection = null;
                listeners.forEach(Listener::lost);
            }
            if (running) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
