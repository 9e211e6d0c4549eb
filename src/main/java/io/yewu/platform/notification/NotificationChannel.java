package io.yewu.platform.notification;

/**
 * An outbound channel (webhook, e-mail, …), enabled by configuration. Called after commit, off the request
 * thread; a failure is logged and does not touch the inbox, which stays the record of what was said.
 */
public interface NotificationChannel {

    /** Whether the configuration turns this channel on; a channel that is off is never called. */
    default boolean enabled() {
        return true;
    }

    void send(Notice notice);
}
