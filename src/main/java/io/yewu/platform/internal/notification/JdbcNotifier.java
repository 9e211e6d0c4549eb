package io.yewu.platform.internal.notification;

import io.yewu.platform.notification.Notice;
import io.yewu.platform.notification.NotificationChannel;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.CompanyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

@Component
class JdbcNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(JdbcNotifier.class);

    private final JdbcClient jdbc;
    private final List<NotificationChannel> channels;

    JdbcNotifier(JdbcClient jdbc, List<NotificationChannel> channels) {
        this.jdbc = jdbc;
        this.channels = channels.stream().filter(NotificationChannel::enabled).toList();
    }

    @Override
    public void notify(long userId, String kind, String titleZh, String titleEn, String bodyZh, String bodyEn, String link) {
        long companyId = CompanyContext.companyId();
        long id = jdbc.sql("""
                INSERT INTO notification (company_id, user_id, kind, title_zh, title_en, body_zh, body_en, link)
                VALUES (:c, :u, :k, :tz, :te, :bz, :be, :l) RETURNING id""")
                .param("c", companyId).param("u", userId).param("k", kind).param("tz", titleZh).param("te", titleEn)
                .param("bz", bodyZh == null ? "" : bodyZh).param("be", bodyEn == null ? "" : bodyEn).param("l", link)
                .query(Long.class).single();
        afterCommit(List.of(new Notice(id, companyId, userId, kind, titleZh, titleEn, bodyZh, bodyEn, link)));
    }

    @Override
    public void notifyEach(String kind, List<Linked> linked) {
        if (linked.isEmpty()) return;
        long companyId = CompanyContext.companyId();
        List<Message> messages = linked.stream().map(Linked::message).toList();
        List<Long> ids = jdbc.sql("""
                INSERT INTO notification (company_id, user_id, kind, title_zh, title_en, body_zh, body_en, link)
                SELECT :c, m.u, :k, m.tz, m.te, m.bz, m.be, m.l
                FROM unnest(CAST(:us AS bigint[]), CAST(:tzs AS text[]), CAST(:tes AS text[]), CAST(:bzs AS text[]),
                            CAST(:bes AS text[]), CAST(:ls AS text[])) WITH ORDINALITY AS m(u, tz, te, bz, be, l, n)
                ORDER BY m.n RETURNING id""")
                .param("c", companyId).param("k", kind)
                .param("us", messages.stream().map(Message::userId).toArray(Long[]::new))
                .param("tzs", messages.stream().map(Message::titleZh).toArray(String[]::new))
                .param("tes", messages.stream().map(Message::titleEn).toArray(String[]::new))
                .param("bzs", messages.stream().map(m -> m.bodyZh() == null ? "" : m.bodyZh()).toArray(String[]::new))
                .param("bes", messages.stream().map(m -> m.bodyEn() == null ? "" : m.bodyEn()).toArray(String[]::new))
                .param("ls", linked.stream().map(Linked::link).toArray(String[]::new))
                .query(Long.class).list().stream().sorted().toList();
        List<Notice> notices = new java.util.ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            notices.add(new Notice(ids.get(i), companyId, m.userId(), kind, m.titleZh(), m.titleEn(), m.bodyZh(), m.bodyEn(),
                    linked.get(i).link()));
        }
        afterCommit(notices);
    }

    /** Outbound channels only after the transaction commits, so a rolled-back action never sends a message. */
    private void afterCommit(List<Notice> notices) {
        if (channels.isEmpty()) return;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notices.forEach(JdbcNotifier.this::dispatch);
                }
            });
        } else {
            notices.forEach(this::dispatch);
        }
    }

    /** A slow webhook must not hold the caller, so each channel sends on its own virtual thread. */
    private void dispatch(Notice notice) {
        for (NotificationChannel channel : channels) {
            Thread.ofVirtual().name("notify-" + notice.id()).start(() -> {
                try {
                    channel.send(notice);
                } catch (RuntimeException e) {
                    log.warn("Channel {} could not send notification {}", channel.getClass().getSimpleName(), notice.id(), e);
                }
            });
        }
    }
}
