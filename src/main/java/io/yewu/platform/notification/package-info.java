/** PLT-7: the in-app inbox and pluggable outbound channels (a WeCom/DingTalk webhook, later e-mail). */
@org.springframework.modulith.NamedInterface("notification")
package io.yewu.platform.notification;
