package io.yewu.customer.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The cities a customer file may name (CUS-1): prefecture-level divisions, accepted with or without 市/地区/盟. */
public final class Cities {

    private static final Set<String> KNOWN = load();

    private Cities() {}

    /** The canonical name ("广州" for "广州市"), or empty for an unknown city. */
    public static Optional<String> canonical(String city) {
        if (city == null) return Optional.empty();
        String c = city.strip();
        if (KNOWN.contains(c)) return Optional.of(c);
        for (String suffix : new String[]{"市", "地区"}) {
            if (c.endsWith(suffix) && KNOWN.contains(c.substring(0, c.length() - suffix.length()))) {
                return Optional.of(c.substring(0, c.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> cities = new HashSet<>();
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(Cities.class.getResourceAsStream("/customer/cities.txt")), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> cities.addAll(java.util.Arrays.asList(l.trim().split("\\s+"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(cities);
    }
}
