package io.yewu.platform.notification;

/** A notification as outbound channels receive it, after the inbox row is committed. */
public record Notice(long id, long companyId, long userId, String kind, String titleZh, String titleEn,
                     String bodyZh, String bodyEn, String link) {}
