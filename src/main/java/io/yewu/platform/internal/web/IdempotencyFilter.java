package io.yewu.platform.internal.web;

import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.YewuPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on POST/PUT: the first request with a key runs and its answer is stored when it is a
 * success or a conflict (409: the action was refused as it stood, e.g. a stale version or a customer filed first);
 * a retry with the same key and body gets that answer replayed instead of acting twice or deciding anew; the same
 * key with a different body gets 422. Other failed attempts (invalid input, 5xx) store nothing, so the key stays
 * free.
 * <p>
 * The key is written once, with the answer, by the request's own transaction (one durable commit; decision 0043).
 * A retry after that commit finds the answer before it acts. Two attempts in flight at once both act, but only one
 * can store the key: the other's insert waits on the first's uncommitted key, finds it taken once the first
 * commits, rolls its own work back and replays the first's answer. So either way one attempt's work is kept.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";

    private record Stored(String requestHash, Integer httpStatus, String contentType, byte[] body) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Problems problems;
    private final LocaleResolver locales;

    IdempotencyFilter(JdbcClient jdbc, TransactionTemplate tx, Problems problems, LocaleResolver locales) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !(method.equals("POST") || method.equals("PUT"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<YewuPrincipal> user = CurrentUser.find();
        String key = request.getHeader(HEADER).trim();
        if (user.isEmpty() || key.isEmpty() || key.length() > 200) {
            chain.doFilter(request, response);
            return;
        }
        boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
        // a multipart body is hashed from its parsed parts: reading the raw stream would leave the parts empty
        byte[] body = multipart ? partsOf(request) : request.getInputStream().readAllBytes();
        String hash = hash(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString(), body);
        YewuPrincipal u = user.get();
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        HttpServletRequest replayed = multipart ? request : new ReplayedBody(request, body);
        Stored[] earlier = new Stored[1];
        // One transaction (and one connection) for the look-up, the request's own work and the stored answer: one
        // durable commit. The handlers' transactions join it.
        Outcome outcome;
        try {
            outcome = tx.execute(status -> {
                earlier[0] = find(u, key);
                if (earlier[0] != null) return Outcome.ANSWERED_BEFORE;
                try {
                    chain.doFilter(replayed, captured);
                } catch (IOException | ServletException e) {
                    throw new Failed(e);
                }
                if (status.isRollbackOnly()) return Outcome.ROLLED_BACK;
                if (!replayable(captured.getStatus())) {
                    status.setRollbackOnly(); // an input error commits nothing and leaves the key free
                    return Outcome.NOT_STORED;
                }
                if (store(u, key, hash, captured)) return Outcome.STORED;
                status.setRollbackOnly(); // an attempt in flight beside this one stored the key first: its work stands
                return Outcome.TAKEN;
            });
        } catch (Failed e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw (ServletException) e.getCause();
        } catch (org.springframework.transaction.UnexpectedRollbackException e) {
            outcome = Outcome.ROLLED_BACK;
        }
        if (outcome == Outcome.ANSWERED_BEFORE) {
            answer(request, response, earlier[0], hash);
            return;
        }
        if (outcome == Outcome.TAKEN) {
            captured.resetBuffer();
            Stored first = find(u, key);
            if (first != null) {
                answer(request, response, first, hash);
                return;
            }
            outcome = Outcome.ROLLED_BACK; // the other attempt was purged meanwhile: nothing of this one was kept
        }
        if (outcome == Outcome.ROLLED_BACK) {
            // A handler's transaction failed and the whole request rolled back. A conflict that committed nothing
            // is still the answer a retry gets (kept in its own small commit); a success that rolled back never
            // happened, so it is not acknowledged: the client retries the key.
            if (captured.getStatus() == HttpStatus.CONFLICT.value()) {
                tx.execute(s -> store(u, key, hash, captured));
            } else if (captured.getStatus() < 300) {
                captured.resetBuffer();
                problems.write(response, HttpStatus.CONFLICT, "idempotency-in-progress", locales.resolveLocale(request),
                        request.getRequestURI());
                return;
            }
        }
        captured.copyBodyToResponse();
    }

    private enum Outcome { ANSWERED_BEFORE, STORED, NOT_STORED, ROLLED_BACK, TAKEN }

    /** Carries the chain's checked exceptions out of the transaction callback. */
    private static final class Failed extends RuntimeException {
        Failed(Exception cause) {
            super(cause);
        }
    }

    /** The answer stored under the key, or null; a claim without an answer (left by an earlier version) counts as none. */
    private Stored find(YewuPrincipal u, String key) {
        return jdbc.sql("""
                SELECT request_hash, http_status, content_type, body FROM idempotency_record
                WHERE company_id = :c AND user_id = :u AND key = :k AND http_status IS NOT NULL""")
                .param("c", u.companyId()).param("u", u.id()).param("k", key).query(Stored.class).optional()
                .orElse(null);
    }

    /** Stores the key with its answer; false if another attempt stored it first (an answerless claim is taken over). */
    private boolean store(YewuPrincipal u, String key, String hash, ContentCachingResponseWrapper captured) {
        return jdbc.sql("""
                INSERT INTO idempotency_record (company_id, user_id, key, request_hash, http_status, content_type, body)
                VALUES (:c, :u, :k, :h, :s, :t, :b)
                ON CONFLICT (company_id, user_id, key) DO UPDATE SET request_hash = excluded.request_hash,
                  http_status = excluded.http_status, content_type = excluded.content_type, body = excluded.body,
                  created_at = now()
                WHERE idempotency_record.http_status IS NULL""")
                .param("c", u.companyId()).param("u", u.id()).param("k", key).param("h", hash)
                .param("s", captured.getStatus()).param("t", captured.getContentType())
                .param("b", captured.getContentAsByteArray()).update() == 1;
    }

    /** Answers a retry gets again: successes and conflicts; not input errors, which the user corrects and resends. */
    static boolean replayable(int status) {
        return status < 300 || status == HttpStatus.CONFLICT.value();
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Stored stored, String hash)
            throws IOException {
        if (!stored.requestHash().equals(hash)) {
            problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-mismatch",
                    locales.resolveLocale(request), request.getRequestURI());
            return;
        }
        response.setStatus(stored.httpStatus());
        if (stored.contentType() != null) response.setContentType(stored.contentType());
        response.setHeader("Idempotency-Replayed", "true");
        if (stored.body() != null) response.getOutputStream().write(stored.body());
    }

    private static byte[] partsOf(HttpServletRequest request) throws IOException, ServletException {
        var out = new java.io.ByteArrayOutputStream();
        for (var part : request.getParts()) {
            out.write(part.getName().getBytes(StandardCharsets.UTF_8));
            try (var in = part.getInputStream()) {
                in.transferTo(out);
            }
        }
        return out.toByteArray();
    }

    private static String hash(String line, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body was read to hash it; hand it to the controller again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                // the body is already in memory; controllers here read it synchronously, never through a listener
                @Override public void setReadListener(ReadListener listener) { throw new IllegalStateException("synchronous body"); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
