package io.yewu.platform.notification;

/**
 * Tells a user something: the inbox row is written in the caller's transaction and company; outbound channels
 * get it only after that transaction commits, so a rolled-back action never sends a message.
 */
public interface Notifier {

    /**
     * @param kind a stable code the UI may use for an icon or filter, e.g. {@code approval.pending}
     * @param link an app route to open, e.g. {@code /approvals/42}; may be null
     */
    void notify(long userId, String kind, String titleZh, String titleEn, String bodyZh, String bodyEn, String link);
}
