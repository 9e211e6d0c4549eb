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
        notifyEach(kind, messages.stream().map(m -> new Linked(m, link)).toList());
    }

    /** A message with the route it opens, for {@link #notifyEach}. */
    record Linked(Message message, String link) {}

    /** The same kind of notice about many records at once (a pass of timers), each with its own link, in one statement. */
    default void notifyEach(String kind, java.util.List<Linked> messages) {
        messages.forEach(l -> notify(l.message().userId(), kind, l.message().titleZh(), l.message().titleEn(),
                l.message().bodyZh(), l.message().bodyEn(), l.link()));
    }
}
