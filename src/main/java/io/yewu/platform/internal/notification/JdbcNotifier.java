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
        this.channels = channels;
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
        if (channels.isEmpty()) return;
        Notice notice = new Notice(id, companyId, userId, kind, titleZh, titleEn, bodyZh, bodyEn, link);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatch(notice);
                }
            });
        } else {
            dispatch(notice);
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
