package io.yewu.platform.transfer;

/**
 * Turns one non-blank cell's text into a typed value, or names what is wrong with it: an error code whose
 * message is {@code field.<code>} in {@code i18n/messages*.properties}, filled with {@code args}.
 */
@FunctionalInterface
public interface CellParser<V> {

    Result<V> parse(String text);

    sealed interface Result<V> {}

    record Ok<V>(V value) implements Result<V> {}

    record Error<V>(String code, Object... args) implements Result<V> {}

    static <V> Result<V> ok(V value) {
        return new Ok<>(value);
    }

    static <V> Result<V> error(String code, Object... args) {
        return new Error<>(code, args);
    }
}
