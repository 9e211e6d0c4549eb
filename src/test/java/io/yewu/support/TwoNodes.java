package io.yewu.support;

import io.yewu.YewuApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Two application nodes on one PostgreSQL: node 1 starts the embedded server (with the demo company), node 2 joins
 * it over TCP with the password node 1 keeps beside its data directory. Both poll for due tasks every 100 ms, unless
 * node 1 is started alone with another interval ({@link #startFirst}).
 */
public record TwoNodes(ConfigurableApplicationContext node1, ConfigurableApplicationContext node2, int dbPort, String password,
                       String dataDir)
        implements AutoCloseable {

    public static TwoNodes start(String tempPrefix, Class<?>... extraSources) throws IOException {
        return startFirst(tempPrefix, "100ms", extraSources).withSecond(extraSources);
    }

    /** Node 1 alone, polling for due tasks at {@code pollInterval} (a long one: its timers wait as if it were down). */
    public static TwoNodes startFirst(String tempPrefix, String pollInterval, Class<?>... extraSources) throws IOException {
        int dbPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            dbPort = socket.getLocalPort();
        }
        String dataDir = Files.createTempDirectory(tempPrefix).toString();
        ConfigurableApplicationContext node1 = node(extraSources, "node-1", pollInterval, "yewu.data-dir=" + dataDir, "yewu.db.url=",
                "yewu.db.embedded-port=" + dbPort, "yewu.db.durable=false", "yewu.demo-data.customers=0");
        // node 1's embedded server takes a password (kept beside its data directory) and listens on 127.0.0.1
        String password = Files.readString(java.nio.file.Path.of(dataDir, "pgdata.password")).strip();
        return new TwoNodes(node1, null, dbPort, password, dataDir);
    }

    /** Starts node 2 on node 1's database, polling every 100 ms. */
    public TwoNodes withSecond(Class<?>... extraSources) {
        return new TwoNodes(node1, extraNode("node-2", extraSources), dbPort, password, dataDir);
    }

    /** Another node on node 1's database, polling every 100 ms; the caller closes it. */
    public ConfigurableApplicationContext extraNode(String name, Class<?>... extraSources) {
        return node(extraSources, name, "100ms", "yewu.data-dir=" + dataDir + "/" + name, "yewu.demo-data=false",
                "yewu.db.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres", "yewu.db.user=postgres", "yewu.db.password=" + password);
    }

    /** Properties go in as command-line arguments: they must beat application.yml, as a deployment's would. */
    private static ConfigurableApplicationContext node(Class<?>[] extraSources, String name, String pollInterval, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--yewu.node-name=" + name,
                "--yewu.scheduler.poll-interval=" + pollInterval));
        for (String p : properties) args.add("--" + p);
        List<Class<?>> sources = new ArrayList<>(List.of(YewuApplication.class));
        sources.addAll(List.of(extraSources));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        if (node2 != null) node2.close();
        if (node1 != null) node1.close();
    }
}
