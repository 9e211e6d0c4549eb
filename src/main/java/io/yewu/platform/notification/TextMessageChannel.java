package io.yewu.platform.notification;

/**
 * PLT-7: an outbound channel for text messages (SMS) to a phone outside the company, e.g. a customer's. Pluggable
 * like {@link NotificationChannel}, but the caller needs the outcome: a return visit records whether its message
 * went out, and retries one that did not. Called in the current company's context (its settings configure the
 * gateway); it throws nothing for a gateway's refusal or absence, it answers with the outcome.
 */
public interface TextMessageChannel {

    /** @param reference the sender's own id of the message, passed to the gateway for its receipts */
    record TextMessage(String phone, String text, String reference) {}

    /** @param detail the gateway's answer or the error, for the person who looks at a failed message */
    record Outcome(boolean delivered, String detail) {}

    Outcome send(TextMessage message);
}
