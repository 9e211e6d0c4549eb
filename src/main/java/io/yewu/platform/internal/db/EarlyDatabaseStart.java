package io.yewu.platform.internal.db;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the embedded PostgreSQL as soon as the application context exists, on its own thread, so the server
 * boots while Spring reads and creates the beans (issue 9: about a second of every start). The
 * {@code embeddedDatabase} bean then only waits for it. Registered in {@code META-INF/spring.factories}; with an
 * external server ({@code yewu.db.url}) it starts nothing. A context that fails (or is stopped) before taking the
 * server stops it when the JVM exits, waiting for it to be up first.
 */
public final class EarlyDatabaseStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "yewuEarlyDatabaseStart";

    private DatabaseAvailability availability;
    private CompletableFuture<DatabaseConfiguration.EmbeddedDatabaseHolder> started;
    private final AtomicBoolean taken = new AtomicBoolean();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        // Spring AOT's build-time processing refreshes the context to read its bean definitions: no server then
        if (Boolean.getBoolean("spring.aot.processing")) return;
        if (!env.getProperty("yewu.db.url", "").isBlank() || !env.getProperty("yewu.db.early-start", Boolean.class, true)) return;
        EarlyDatabaseStart early = new EarlyDatabaseStart();
        early.availability = new DatabaseAvailability();
        early.started = new CompletableFuture<>();
        Thread.ofPlatform().name("yewu-embedded-pg-start").start(() -> {
            try {
                early.started.complete(DatabaseConfiguration.startEmbedded(env, early.availability));
            } catch (Throwable e) {
                early.started.completeExceptionally(e);
            }
        });
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(early::closeIfNotTaken));
        context.getBeanFactory().registerSingleton(BEAN, early);
    }

    DatabaseAvailability availability() {
        return availability;
    }

    /** The started server, once: its bean owns (and closes) it from here on. */
    DatabaseConfiguration.EmbeddedDatabaseHolder take() throws IOException {
        if (!taken.compareAndSet(false, true)) throw new IllegalStateException("embedded database taken twice");
        try {
            return started.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new UncheckedIOException(new IOException(e.getCause()));
            }
        }
    }

    /** At JVM exit: a server nobody took (the start failed or was stopped meanwhile) is stopped, once it is up. */
    private void closeIfNotTaken() {
        if (taken.get()) return;
        try {
            started.get(60, java.util.concurrent.TimeUnit.SECONDS).close();
        } catch (Exception ignored) {
            // it never started, or the JVM is exiting regardless
        }
    }
}
