package io.yewu.platform.internal.db;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The two logins to one database: the owner, who migrates the schema, and the application's login, which the pool
 * uses. When no application password is configured, it is derived from the owner's password (HMAC-SHA256 of the
 * application user's name, keyed with the owner's password), so that every node computes the same one and knowing
 * it does not reveal the owner's; with no owner password either (a server that trusts local connections) the
 * application logs in without one.
 */
record DatabaseLogins(String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {

    static final String DEFAULT_APP_USER = "yewu_app";

    static DatabaseLogins of(String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {
        String user = appUser == null || appUser.isBlank() ? DEFAULT_APP_USER : appUser.strip();
        String password = appPassword == null || appPassword.isEmpty() ? derive(ownerPassword, user) : appPassword;
        return new DatabaseLogins(url, ownerUser, ownerPassword == null ? "" : ownerPassword, user, password);
    }

    static String derive(String ownerPassword, String appUser) {
        if (ownerPassword == null || ownerPassword.isEmpty()) return "";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ownerPassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("yewu application login " + appUser).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() { // never print a password
        return "DatabaseLogins[" + url + ", owner " + ownerUser + ", application " + appUser + "]";
    }
}
