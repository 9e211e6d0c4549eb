package io.yewu.platform.internal.web;

import io.yewu.platform.internal.db.DatabaseAvailability;
import io.yewu.platform.internal.db.DatabaseUnavailableFilter;
import io.yewu.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns every failure into an RFC 9457 problem with a stable {@code code}, zh/en text and field errors.
 * A user mistake never becomes a 500; an unexpected failure is logged and answered without internals.
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;
    private final Problems problems;
    private final DatabaseAvailability availability;

    ProblemHandler(MessageSource messages, Problems problems, DatabaseAvailability availability) {
        this.messages = messages;
        this.problems = problems;
        this.availability = availability;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = e.fieldProblems().stream()
                .map(f -> fieldError(f.field(), f.code(), text("field." + f.code(), f.args(), locale)))
                .toList();
        ResponseEntity<ProblemDetail> response = respond(e.status(), e.code(), e.args(), errors, request);
        e.properties().forEach(response.getBody()::setProperty);
        if (e.properties().get(ProblemException.RETRY_AFTER) instanceof Number seconds) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()))
                    .body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(BindException.class) // includes MethodArgumentNotValidException
    ResponseEntity<ProblemDetail> invalid(BindException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : e.getBindingResult().getFieldErrors()) {
            String message = messages.getMessage(f, locale);
            errors.add(fieldError(f.getField(), f.getCode(), message));
        }
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(fieldError("", g.getCode(), messages.getMessage(g, locale))));
        // a JSON body that breaks a field's rule is 422 like every other field rule; query parameters that do not
        // parse stay 400 (the request itself is malformed)
        HttpStatus status = e instanceof MethodArgumentNotValidException body
                && body.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
                ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        return respond(status, "validation", new Object[0], errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(fieldError(r.getMethodParameter().getParameterName(),
                        err.getCodes() == null ? "invalid" : err.getCodes()[err.getCodes().length - 1],
                        messages.getMessage(err, locale)))));
        return respond(HttpStatus.BAD_REQUEST, "validation", new Object[0], errors, request);
    }

    /**
     * Well-formed JSON whose value does not fit its field (a number for a date, an enum by position, {@code 1.5} for
     * an id, {@code [null]}, an integer out of range) is 422 naming the field; unparseable JSON stays 400.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        var field = JsonFieldErrors.of(e);
        if (field.isPresent()) {
            Locale locale = LocaleContextHolder.getLocale();
            var f = field.get();
            return respond(HttpStatus.UNPROCESSABLE_CONTENT, "validation", new Object[0],
                    List.of(fieldError(f.field(), f.code(), text("field." + f.code(), f.args(), locale))), request);
        }
        return respond(HttpStatus.BAD_REQUEST, "malformed-request", new Object[0], List.of(), request);
    }

    /** A value the database refuses as data (numeric overflow, text it cannot store) is the caller's input: 422. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> dataException(DataIntegrityViolationException e, HttpServletRequest request) {
        String state = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
        if (state != null && state.startsWith("22")) {
            return respond(HttpStatus.UNPROCESSABLE_CONTENT, "out-of-range", new Object[0], List.of(), request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        String name = switch (e) {
            case MethodArgumentTypeMismatchException m -> m.getName();
            case MissingServletRequestParameterException m -> m.getParameterName();
            case MissingServletRequestPartException m -> m.getRequestPartName();
            default -> "";
        };
        Locale locale = LocaleContextHolder.getLocale();
        return respond(HttpStatus.BAD_REQUEST, "validation", new Object[0],
                List.of(fieldError(name, "invalid", text("field.invalid", new Object[0], locale))), request);
    }

    /** A file endpoint called without a multipart body, or with one that cannot be parsed. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(org.springframework.web.multipart.MultipartException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) return tooLarge(tooLarge, request);
        Locale locale = LocaleContextHolder.getLocale();
        return respond(HttpStatus.BAD_REQUEST, "validation", new Object[0],
                List.of(fieldError("file", "required", text("field.required", new Object[0], locale))), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", new Object[0], List.of(), request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return respond(HttpStatus.CONFLICT, "duplicate", new Object[0], List.of(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", new Object[0], List.of(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return respond(HttpStatus.UNAUTHORIZED, "unauthenticated", new Object[0], List.of(), request);
    }

    @ExceptionHandler({NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> noResource(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "not-found", new Object[]{request.getRequestURI()}, List.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", new Object[0], List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", new Object[0], List.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailableFilter.isConnectionFailure(e)) { // the database went away under the request
            availability.markDown(String.valueOf(e.getMessage()));
            ResponseEntity<ProblemDetail> unavailable = respond(HttpStatus.SERVICE_UNAVAILABLE,
                    DatabaseUnavailableFilter.CODE, new Object[0], List.of(), request);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(unavailable.getBody());
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[0], List.of(), request);
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String code, Object[] args,
                                                  List<Map<String, String>> errors, HttpServletRequest request) {
        ProblemDetail body = problems.build(status, code, args, errors, LocaleContextHolder.getLocale(), request.getRequestURI());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static Map<String, String> fieldError(String field, String code, String message) {
        return Map.of("field", field, "code", code == null ? "invalid" : code, "message", message);
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }
}
