package io.yewu.platform.web;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user-facing failure with a stable code. Its zh/en text comes from {@code i18n/messages*.properties} under
 * {@code problem.<code>} (detail) and {@code field.<code>} (field errors), formatted with {@code args}.
 */
public class ProblemException extends RuntimeException {

    /**
     * The member that says, in seconds, when a refused request (429, 503) may be tried again; the answer also
     * carries it as the {@code Retry-After} header.
     */
    public static final String RETRY_AFTER = "retryAfter";

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final List<FieldProblem> fieldProblems;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /** A field that failed a rule; {@code code} names the message, {@code args} fill it. */
    public record FieldProblem(String field, String code, Object... args) {}

    public ProblemException(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ProblemException notFound(String entity) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", List.of(), entity);
    }

    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, code, List.of(), args);
    }

    public static ProblemException forbidden(String code, Object... args) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, List.of(), args);
    }

    public static ProblemException badRequest(String code, Object... args) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, List.of(), args);
    }

    /** Input that breaks a rule on one field: 422 with the field error. */
    public static ProblemException invalid(String field, String code, Object... args) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation",
                List.of(new FieldProblem(field, code, args)));
    }

    public static ProblemException invalid(List<FieldProblem> problems) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation", problems);
    }

    /** Adds a machine-readable member to the problem body, e.g. the id of a record the client should open. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() { return Map.copyOf(properties); }

    public HttpStatus status() { return status; }

    public String code() { return code; }

    public Object[] args() { return args; }

    public List<FieldProblem> fieldProblems() { return fieldProblems; }
}
