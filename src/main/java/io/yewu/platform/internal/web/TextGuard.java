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
class TextGuard extends RequestBodyAdviceAdapter implements HandlerInterceptor {

    private final JsonMapper json;

    TextGuard(JsonMapper json) {
        this.json = json;
    }

    /** Whether the text holds a character no field may hold. */
    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') return true;
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
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException malformed) {
            tree = null; // the converter reports it as it would have
        }
        if (tree != null) check(tree, "");
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
