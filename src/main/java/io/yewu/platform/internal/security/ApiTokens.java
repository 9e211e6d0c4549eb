package io.yewu.platform.internal.security;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Personal API tokens: shown once, stored only as a SHA-256 hash, optionally expiring. */
@Component
class ApiTokens {

    record TokenView(long id, String name, java.time.OffsetDateTime createdAt, LocalDate expiresOn,
                     java.time.OffsetDateTime lastUsedAt) {}

    record Issued(long id, String name, String token) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PrincipalLoader loader;

    ApiTokens(JdbcClient jdbc, PrincipalLoader loader) {
        this.jdbc = jdbc;
        this.loader = loader;
    }

    Issued issue(YewuPrincipal user, String name, LocalDate expiresOn) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "yw_" + HexFormat.of().formatHex(bytes);
        long id = jdbc.sql("""
                INSERT INTO api_token (company_id, user_id, name, token_hash, expires_on)
                VALUES (:c, :u, :n, :h, :e) RETURNING id""")
                .param("c", user.companyId()).param("u", user.id()).param("n", name)
                .param("h", hash(token)).param("e", expiresOn).query(Long.class).single();
        return new Issued(id, name, token);
    }

    List<TokenView> list(YewuPrincipal user) {
        return jdbc.sql("""
                SELECT id, name, created_at, expires_on, last_used_at FROM api_token
                WHERE company_id = :c AND user_id = :u ORDER BY created_at DESC""")
                .param("c", user.companyId()).param("u", user.id()).query(TokenView.class).list();
    }

    boolean revoke(YewuPrincipal user, long id) {
        return jdbc.sql("DELETE FROM api_token WHERE id = :id AND company_id = :c AND user_id = :u")
                .param("id", id).param("c", user.companyId()).param("u", user.id()).update() == 1;
    }

    Optional<YewuPrincipal> authenticate(String token) {
        return CompanyContext.callAsSystem(() -> jdbc.sql("""
                        UPDATE api_token SET last_used_at = now()
                        WHERE token_hash = :h AND (expires_on IS NULL OR expires_on >= current_date)
                        RETURNING user_id""")
                .param("h", hash(token)).query(Long.class).optional())
                .flatMap(loader::byId)
                .filter(PrincipalLoader.Login::active)
                .map(PrincipalLoader.Login::principal);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
