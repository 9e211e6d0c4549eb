package io.yewu.platform.transfer;

import java.util.Objects;

/**
 * A column of an import: the key the capability reads it by, the headers a file may use for it (Chinese or
 * English, case and a trailing {@code *} ignored), whether a value is required, and how its text is parsed.
 */
public record ImportColumn<V>(String key, String zh, String en, boolean required, CellParser<V> parser) {

    public ImportColumn {
        Objects.requireNonNull(key);
        Objects.requireNonNull(zh);
        Objects.requireNonNull(en);
        Objects.requireNonNull(parser);
    }

    public static <V> ImportColumn<V> required(String key, String zh, String en, CellParser<V> parser) {
        return new ImportColumn<>(key, zh, en, true, parser);
    }

    public static <V> ImportColumn<V> optional(String key, String zh, String en, CellParser<V> parser) {
        return new ImportColumn<>(key, zh, en, false, parser);
    }
}
