package io.yewu.platform.internal.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/** Holds the embedded server, if any, so that it stops with the application context. */
record EmbeddedDatabase(EmbeddedPostgres postgres) implements AutoCloseable {

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) postgres.close();
    }
}
