package io.yewu.platform.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields an action changed, old and new; fields whose value stayed the same are left out. */
public final class Changes {

    public record Change(Object old, Object now) {}

    private final Map<String, Change> fields = new LinkedHashMap<>();

    public static Changes of() {
        return new Changes();
    }

    public Changes put(String field, Object old, Object now) {
        if (!Objects.equals(old, now)) fields.put(field, new Change(old, now));
        return this;
    }

    /**
     * A field that changed, shown as {@code oldShown} → {@code nowShown} even when the two read alike (a secret is
     * shown masked on both sides); nothing when {@code changed} is false.
     */
    public Changes put(String field, boolean changed, Object oldShown, Object nowShown) {
        if (changed) fields.put(field, new Change(oldShown, nowShown));
        return this;
    }

    /** A value set on creation or removed on deletion. */
    public Changes created(String field, Object now) {
        return put(field, null, now);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public Map<String, Change> asMap() {
        return Map.copyOf(fields);
    }
}
