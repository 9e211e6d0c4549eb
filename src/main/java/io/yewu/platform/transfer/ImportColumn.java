package io.yewu.platform.transfer;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A column of an import: the key the capability reads it by, the headers a file may use for it (Chinese or
 * English, case and a trailing {@code *} ignored), whether a value is required, and how its text is parsed.
 * {@code aliases} are older headers still accepted (e.g. a header renamed to the glossary's word), never offered
 * in the template.
 */
public record ImportColumn<V>(String key, String zh, String en, boolean required, CellParser<V> parser, List<String> aliases) {

    public ImportColumn {
        Objects.requireNonNull(key);
        Objects.requireNonNull(zh);
        Objects.requireNonNull(en);
        Objects.requireNonNull(parser);
        aliases = List.copyOf(aliases);
    }

    public static <V> ImportColumn<V> required(String key, String zh, String en, CellParser<V> parser) {
        return new ImportColumn<>(key, zh, en, true, parser, List.of());
    }

    public static <V> ImportColumn<V> optional(String key, String zh, String en, CellParser<V> parser) {
        return new ImportColumn<>(key, zh, en, false, parser, List.of());
    }

    /** The column also read under these older headers. */
    public ImportColumn<V> withAliases(String... headers) {
        return new ImportColumn<>(key, zh, en, required, parser, List.of(headers));
    }

    /** Every header the column is read under: its key, Chinese and English headers and aliases. */
    public List<String> headers() {
        return Stream.concat(Stream.of(key, zh, en), aliases.stream()).toList();
    }
}
