package io.yewu.platform;

import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI build as the packaged application serves it (the web build lands in the classes' static/ before the tests
 * run): hashed files cached a year and immutable, index.html revalidated, each sent as the build's Brotli or gzip
 * copy by Accept-Encoding, and the favicon present.
 */
class StaticAssetsIT extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHashedScriptIsCachedForAYearAndSentPrecompressed() throws Exception {
        String script = entryScript();
        byte[] raw = classpath("static" + script);

        HttpResponse<byte[]> br = get(script, "br, gzip");
        assertThat(br.statusCode()).isEqualTo(200);
        assertThat(cacheDirectives(br)).containsExactlyInAnyOrder("max-age=31536000", "public", "immutable");
        assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(br.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Accept-Encoding");
        assertThat(br.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(br.body()).isEqualTo(classpath("static" + script + ".br")).hasSizeLessThan(raw.length / 2);

        HttpResponse<byte[]> gzip = get(script, "gzip");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(gzip.body())).isEqualTo(raw);

        HttpResponse<byte[]> plain = get(script, null);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(raw);
    }

    @Test
    void theIndexIsRevalidatedOnEveryLoadAndCompressedToo() throws Exception {
        byte[] raw = classpath("static/index.html");
        for (String path : new String[] {"/", "/index.html", "/customers/12"}) { // client-side routes get the index
            HttpResponse<byte[]> page = get(path, "gzip");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(cacheDirectives(page)).as(path).containsExactly("no-cache");
            assertThat(page.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gunzip(page.body())).as(path).isEqualTo(raw);
        }
    }

    @Test
    void theFaviconIsServedInBothForms() throws Exception {
        String index = new String(classpath("static/index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("href=\"/favicon.ico\"", "href=\"/favicon.svg\"");
        HttpResponse<byte[]> ico = get("/favicon.ico", null);
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.body()).startsWith(0, 0, 1, 0); // an ICO header
        HttpResponse<byte[]> svg = get("/favicon.svg", null);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(cacheDirectives(svg)).contains("public", "max-age=86400");
    }

    @Test
    void aMissingAssetIsA404NotTheIndex() throws Exception {
        assertThat(get("/assets/no-such-file-0000.js", "br").statusCode()).isEqualTo(404);
    }

    /** The hashed entry script index.html loads, e.g. {@code /assets/index-DZfuPOMg.js}. */
    private static String entryScript() throws IOException {
        String index = new String(classpath("static/index.html"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("src=\"(/assets/index-[\\w-]+\\.js)\"").matcher(index);
        assertThat(m.find()).as("index.html names a hashed entry script: %s", index).isTrue();
        return m.group(1);
    }

    private static byte[] classpath(String path) throws IOException {
        ClassPathResource file = new ClassPathResource(path);
        assertThat(file.exists()).as("%s is on the class path: the UI build (web/, run without -DskipWeb) puts it there", path).isTrue();
        try (var in = file.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static java.util.List<String> cacheDirectives(HttpResponse<?> response) {
        return java.util.Arrays.stream(response.headers().allValues("Cache-Control").stream()
                .reduce((a, b) -> a + "," + b).orElse("").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
