package io.yewu.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny real-HTTP client for tests: keeps the session cookie, sends the CSRF header like the UI does (the token
 * comes from {@code GET /api/auth/csrf} and is renewed by the login answer), and parses JSON answers.
 * {@code header(..)} adds a header to the next request only.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, String body, Map<String, String> headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The RFC 9457 problem code, for error answers. */
        public String code() {
            return json().path("code").asString();
        }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Map<String, String> nextHeaders = new LinkedHashMap<>();
    private String language = "zh-CN";
    private String csrfToken;

    private Api(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public static Api at(int port) {
        return new Api(port);
    }

    public Api login(String username, String password) {
        Response r = post("/api/auth/login", Map.of("username", username, "password", password));
        if (r.status() != 200) throw new IllegalStateException("login " + username + " failed: " + r);
        return this;
    }

    /** Plants a cookie for this server, as a script on a sibling subdomain could. */
    public Api cookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
        return this;
    }

    /** The CSRF token this client sends, fetched from the server when it has none. */
    public String csrfToken() {
        if (csrfToken == null) {
            Map<String, String> pending = new LinkedHashMap<>(nextHeaders); // they belong to the caller's request
            nextHeaders.clear();
            Response r = send("GET", "/api/auth/csrf", null);
            nextHeaders.putAll(pending);
            if (r.status() == 200) csrfToken = r.json().path("token").asString();
        }
        return csrfToken;
    }

    public Api language(String language) {
        this.language = language;
        return this;
    }

    /** The Accept-Language this client sends. */
    public String language() {
        return language;
    }

    public Api header(String name, String value) {
        nextHeaders.put(name, value);
        return this;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** A multipart/form-data upload of one file (plus query parameters in the path). */
    public Response upload(String path, String field, String fileName, byte[] content) {
        String boundary = "----yewu" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        header("Content-Type", "multipart/form-data; boundary=" + boundary);
        return send("POST", path, body.toByteArray());
    }

    /** The session cookie, to replay the same session against another node. */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public Response send(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(30))
                    .header("Accept-Language", language);
            String token = method.equals("GET") ? null : csrfToken();
            if (token != null) b.header("X-XSRF-TOKEN", token);
            nextHeaders.forEach(b::setHeader);
            nextHeaders.clear();
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else if (body instanceof byte[] raw) {
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(raw));
            } else {
                b.header("Content-Type", "application/json");
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                b.method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            if (path.startsWith("/api/auth/login") && r.statusCode() == 200) {
                csrfToken = headers.get("x-xsrf-token"); // the login renews the token
            } else if (path.startsWith("/api/auth/logout")) {
                csrfToken = null;
            }
            return new Response(r.statusCode(), r.body(), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
