package io.yewu.platform.internal.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte scan that spares the common body a second parse must never miss a control character. */
class TextGuardTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"广州天河便利店\",\"city\":\"广州\"}        | false",
            "{\"name\":\"Café\\u00e9\"}                          | false",
            "{\"notes\":\"line\\nbreak\\ttab\"}                  | false",
            "{\"notes\":\"tab \\u0009 and newline \\u000A\"}     | false",
            "{\"name\":\"a\\u0000b\"}                            | true",
            "{\"name\":\"a\\u001fb\"}                            | true",
            "{\"name\":\"a\\u007Fb\"}                            | true",
            "{\"name\":\"a\\u0085b\"}                            | true",
            "{\"name\":\"a\\\\u0000b\"}                          | true",
    })
    void escapes(String json, boolean suspect) {
        assertThat(TextGuard.mayHoldControl(json.strip().getBytes(StandardCharsets.UTF_8))).isEqualTo(suspect);
    }

    @ParameterizedTest(name = "raw bytes {0} -> {1}")
    @CsvSource({
            "7b226e223a2261017d, true",   // {"n":"a<U+0001>}
            "7b226e223a2261c2857d, true", // a UTF-8 encoded U+0085 (C1)
            "7b226e223a22e4b8ad227d, false", // 中
            "7b226e223a2209220a7d, false",   // a tab and a line feed
    })
    void rawBytes(String hex, boolean suspect) {
        assertThat(TextGuard.mayHoldControl(HexFormat.of().parseHex(hex))).isEqualTo(suspect);
    }
}
