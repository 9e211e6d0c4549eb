package io.yewu.platform.internal.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds problem details (RFC 9457) in the request's language; also writes them from servlet filters. */
@Component
public class Problems {

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    ProblemDetail build(HttpStatusCode status, String code, Object[] args, List<Map<String, String>> errors,
                        Locale locale, String uri) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(URI.create("https://yewu.io/problems/" + code));
        String fallbackTitle = messages.getMessage("problem.title.default", null, "Error", locale);
        body.setTitle(messages.getMessage("problem.title." + code, null, fallbackTitle, locale));
        body.setDetail(messages.getMessage("problem." + code, args, code, locale));
        body.setInstance(URI.create(uri));
        body.setProperty("code", code);
        body.setProperty("errors", errors);
        return body;
    }

    /** The problem as JSON, for the server's own answers before any servlet runs ({@code ServerErrorProblems}). */
    String json(HttpStatusCode status, String code, Locale locale, String uri, Object... args) {
        return json.writeValueAsString(build(status, code, args, List.of(), locale, uri));
    }

    /** For filters that answer before any controller runs (authentication, idempotency). */
    public void write(HttpServletResponse response, HttpStatusCode status, String code, Locale locale, String uri,
                      Object... args) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(status, code, locale, uri, args));
    }
}
