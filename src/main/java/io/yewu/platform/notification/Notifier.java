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

    /** One message to one user, for {@link #notifyAll}. */
    record Message(long userId, String titleZh, String titleEn, String bodyZh, String bodyEn) {}

    /** The same kind of notice to many users at once (a bulk action), in one statement. */
    default void notifyAll(String kind, String link, java.util.List<Message> messages) {
        messages.forEach(m -> notify(m.userId(), kind, m.titleZh(), m.titleEn(), m.bodyZh(), m.bodyEn(), link));
    }
}
