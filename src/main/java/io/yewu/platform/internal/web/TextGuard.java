package io.yewu.platform.internal.web;

import io.yewu.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * No control character (Unicode category Cc other than tab, line feed and carriage return; U+0000 above all, which
 * PostgreSQL cannot store) reaches a service: in any JSON body — every string value and member name at any depth,
 * whatever Java type it binds to — or in any request parameter. The answer is 422 naming the field
 * ({@code contacts[0].name}), never a 500 from the database.
 */
@ControllerAdvice
public class TextGuard extends RequestBodyAdviceAdapter implements HandlerInterceptor {

    private final JsonMapper json;

    TextGuard(JsonMapper json) {
        this.json = json;
    }

    /** Whether the text holds a character no field may hold (also used on imported cells). */
    public static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') return true;
        }
        return false;
    }

    /**
     * Whether a JSON body may hold a control character: a raw one (C0 other than tab and line breaks, or a UTF-8
     * encoded C1), or a JSON escape of one (backslash, u, four hex digits). False positives (an escaped backslash
     * followed by such letters) only cost a parse.
     */
    static boolean mayHoldControl(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return true;
            if (b == 0xC2 && i + 1 < body.length && (body[i + 1] & 0xFF) >= 0x80 && (body[i + 1] & 0xFF) <= 0x9F) return true;
            if (b == '\\' && i + 5 < body.length && body[i + 1] == 'u') {
                int cp = Character.digit(body[i + 2], 16) << 12 | Character.digit(body[i + 3], 16) << 8
                        | Character.digit(body[i + 4], 16) << 4 | Character.digit(body[i + 5], 16);
                if (cp >= 0 && Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') return true;
            }
        }
        return false;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return converterType.getSimpleName().contains("Json");
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        if (mayHoldControl(body)) { // the common body is one byte scan; only a suspect one is parsed to name the field
            JsonNode tree;
            try {
                tree = json.readTree(body);
            } catch (JacksonException malformed) {
                tree = null; // the converter reports it as it would have
            }
            if (tree != null) check(tree, "");
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    private static void check(JsonNode node, String path) {
        if (node.isString()) {
            if (hasControl(node.asString())) throw ProblemException.invalid(path, "control-character");
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) check(node.get(i), path + "[" + i + "]");
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String at = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                if (hasControl(member.getKey())) throw ProblemException.invalid(at, "control-character");
                check(member.getValue(), at);
            }
        }
    }

    /** Query and form parameters, before any handler runs. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasControl(parameter.getKey())) throw ProblemException.invalid(parameter.getKey(), "control-character");
            for (String value : parameter.getValue()) {
                if (value != null && hasControl(value)) throw ProblemException.invalid(parameter.getKey(), "control-character");
            }
        }
        return true;
    }
}
