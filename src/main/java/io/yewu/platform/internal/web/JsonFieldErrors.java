package io.yewu.platform.internal.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which field of a JSON body did not fit, and why, from Jackson's failure: the path as the UI names fields
 * ({@code contacts[0].phone}) and a {@code field.<code>} message key with its arguments.
 */
final class JsonFieldErrors {

    record FieldError(String field, String code, Object... args) {}

    private JsonFieldErrors() {}

    static Optional<FieldError> of(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException jackson) || jackson.getPath().isEmpty()) return Optional.empty();
        if (!(jackson instanceof MismatchedInputException) && !(jackson instanceof InputCoercionException)) return Optional.empty();
        return Optional.of(describe(jackson, field(jackson)));
    }

    static String field(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!field.isEmpty()) field.append('.');
                field.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static FieldError describe(JacksonException e, String field) {
        if (e instanceof InvalidNullException) {
            return new FieldError(field, e.getPath().getLast().getIndex() >= 0 ? "null-element" : "required");
        }
        if (e instanceof InputCoercionException) return new FieldError(field, "out-of-range");
        Class<?> type = ((MismatchedInputException) e).getTargetType();
        if (type == null) return new FieldError(field, "invalid");
        if (type.isEnum()) {
            return new FieldError(field, "enum", Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")));
        }
        if (type == LocalDate.class) return new FieldError(field, "date");
        if (type.getPackageName().equals("java.time")) return new FieldError(field, "date-time");
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class || type == Short.class
                || type == short.class || type == BigInteger.class) return new FieldError(field, "integer");
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) return new FieldError(field, "number");
        if (type == Boolean.class || type == boolean.class) return new FieldError(field, "boolean");
        if (type == String.class) return new FieldError(field, "text");
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return new FieldError(field, "list");
        return new FieldError(field, "invalid");
    }
}
