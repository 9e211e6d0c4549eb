package io.yewu.platform.internal.security;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JDBC session store without a write per request: Spring Session stamps the last-access time on every request
 * and so updates {@code spring_session} (a durable commit) even on a GET that changes nothing. Here the stamp moves
 * only when it is at least {@link #TOUCH_EVERY} old, so a request that does not change the session writes nothing;
 * logins, logouts and attribute changes are saved as before. The cost: a session idle for its full timeout
 * (8 hours) may end up to one minute early, never late (docs/decisions/0018-speed.md).
 */
final class QuietSessionRepository implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession> {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /**
     * The session this request thread saved last. Spring Session's filter saves the session when the request ends
     * and then looks it up again to decide on the cookie: a second read of the row it holds in hand. That one
     * look-up is answered from here; the memo is consumed by it and cleared around every request
     * ({@link #clearAround}), so no later request can see it.
     */
    private static final ThreadLocal<QuietSession> JUST_SAVED = new ThreadLocal<>();

    private final JdbcIndexedSessionRepository delegate;

    QuietSessionRepository(JdbcIndexedSessionRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public QuietSession createSession() {
        return new QuietSession(delegate.createSession());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void save(QuietSession session) {
        ((SessionRepository) delegate).save(session.inner);
        JUST_SAVED.set(session);
    }

    @Override
    public QuietSession findById(String id) {
        QuietSession saved = JUST_SAVED.get();
        if (saved != null) {
            JUST_SAVED.remove();
            if (saved.getId().equals(id)) return saved;
        }
        Session found = delegate.findById(id);
        return found == null ? null : new QuietSession(found);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
    }

    @Override
    public Map<String, QuietSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, QuietSession> sessions = new LinkedHashMap<>();
        FindByIndexNameSessionRepository<? extends Session> indexed = delegate;
        indexed.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> sessions.put(id, new QuietSession(s)));
        return sessions;
    }

    /** Runs one request with no memo before it and none left after it. */
    static final class MemoFilter extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                                        jakarta.servlet.http.HttpServletResponse response,
                                        jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            JUST_SAVED.remove();
            try {
                chain.doFilter(request, response);
            } finally {
                JUST_SAVED.remove();
            }
        }
    }

    /** A stored session whose last-access stamp only moves once a minute. */
    static final class QuietSession implements Session {
        private final Session inner;

        QuietSession(Session inner) {
            this.inner = inner;
        }

        @Override
        public void setLastAccessedTime(Instant at) {
            if (!at.isBefore(inner.getLastAccessedTime().plus(TOUCH_EVERY))) inner.setLastAccessedTime(at);
        }

        @Override public String getId() { return inner.getId(); }
        @Override public String changeSessionId() { return inner.changeSessionId(); }
        @Override public <T> T getAttribute(String name) { return inner.getAttribute(name); }
        @Override public Set<String> getAttributeNames() { return inner.getAttributeNames(); }
        @Override public void setAttribute(String name, Object value) { inner.setAttribute(name, value); }
        @Override public void removeAttribute(String name) { inner.removeAttribute(name); }
        @Override public Instant getCreationTime() { return inner.getCreationTime(); }
        @Override public Instant getLastAccessedTime() { return inner.getLastAccessedTime(); }
        @Override public void setMaxInactiveInterval(Duration interval) { inner.setMaxInactiveInterval(interval); }
        @Override public Duration getMaxInactiveInterval() { return inner.getMaxInactiveInterval(); }
        @Override public boolean isExpired() { return inner.isExpired(); }
    }
}
