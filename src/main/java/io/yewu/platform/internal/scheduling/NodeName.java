package io.yewu.platform.internal.scheduling;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names this node in done_by / last_node, so operators see which node ran what. */
@Component
public class NodeName {

    private final String name;

    NodeName(@Value("${yewu.node-name:}") String configured) {
        this.name = configured.isBlank() ? hostName() + "-" + ProcessHandle.current().pid() : configured;
    }

    public String get() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
