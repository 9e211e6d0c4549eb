package io.yewu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query's stream holds a pooled connection until it is closed; one export that forgot it per request emptied the
 * pool and froze the application (found by EndpointRoleMatrixIT). Every {@code .query(…).stream()} in the code is
 * therefore opened in a try-with-resources statement.
 */
class QueryStreamsAreClosedTest {

    private static final Pattern STREAM_AFTER = Pattern.compile("^\\s*\\.stream\\(\\)");

    @Test
    void everyQueryStreamIsClosed() throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                for (int at = code.indexOf(".query("); at >= 0; at = code.indexOf(".query(", at + 1)) {
                    int close = matchingParenthesis(code, at + ".query".length());
                    if (close < 0 || !STREAM_AFTER.matcher(code.substring(close + 1)).find()) continue;
                    int start = Math.max(code.lastIndexOf(';', at), code.lastIndexOf('{', at));
                    String statement = code.substring(start + 1, at).replaceAll("(?m)^\\s*//.*$", "");
                    if (!statement.strip().startsWith("try (")) {
                        open.add(file + ":" + code.substring(0, at).lines().count());
                    }
                }
            }
        }
        assertThat(open).as("query streams outside try-with-resources").isEmpty();
    }

    private static int matchingParenthesis(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }
}
