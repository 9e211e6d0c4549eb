package io.yewu.customer;

import io.yewu.customer.internal.CustomerKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerKeysTest {

    @ParameterizedTest(name = "CUS-1/CUS-6: name \"{0}\" normalises to \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "广州市华南贸易有限公司|广州市华南贸易有限公司",
            " 广州市 华南贸易（有限）公司 |广州市华南贸易有限公司",
            "ＡＢＣ　Trading Co., Ltd.|abctradingcoltd",
            "abc trading co ltd|abctradingcoltd"})
    void CUS6_namesCompareNormalised(String raw, String normalised) {
        assertThat(CustomerKeys.name(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "CUS-1: phone \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "13812345678|13812345678",
            "+86 138-1234-5678|13812345678",
            "0086 13812345678|13812345678",
            "020-87654321|02087654321",
            "0757 8765 4321|075787654321",
            "12345|",
            "23812345678|"})
    void CUS1_phonesNormalise(String raw, String normalised) {
        assertThat(CustomerKeys.phone(raw).orElse(null)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "CUS-1: credit code \"{0}\" valid={1}")
    @CsvSource({"91350100M000100Y43, true", "91350100m000100y43, true", "91350100M000100Y44, false",
            "9135010 0M000100Y43, true", "ABC, false", "91350100I000100Y43, false"})
    void CUS1_creditCodesCarryAValidCheckCharacter(String raw, boolean valid) {
        assertThat(CustomerKeys.creditCode(raw).isPresent()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "CUS-16: {0} masks to {1}")
    @CsvSource({"13812345678, 138****5678", "020-87654321, 020****4321"})
    void CUS16_phonesOutsideScopeAreMasked(String phone, String masked) {
        assertThat(CustomerKeys.maskPhone(phone)).isEqualTo(masked);
    }

    @org.junit.jupiter.api.Test
    void CUS6_keysCoverNameCodePhonesAndEmails() {
        var keys = CustomerKeys.of("华南贸易", "91350100M000100Y43", List.of("138 1234 5678", "bad"), List.of("A@B.cn"));
        assertThat(keys).extracting(CustomerKeys.Key::value)
                .containsExactly("华南贸易", "91350100M000100Y43", "13812345678", "a@b.cn");
    }

    /** Invisible and format characters, written as Unicode escapes so the table shows which character each row tries. */
    @ParameterizedTest(name = "CUS-1: \"{0}\" ({1}) is the same customer as 华南贸易")
    @CsvSource(delimiter = '|', value = {
            "华\u200B南贸易|zero-width space U+200B",
            "华南\u200C贸易|zero-width non-joiner U+200C",
            "华南\u200D贸易|zero-width joiner U+200D",
            "华南贸\u2060易|word joiner U+2060",
            "\uFEFF华南贸易|byte-order mark U+FEFF",
            "华南\u00AD贸易|soft hyphen U+00AD",
            "华南\u200E贸易\u200F|left-to-right and right-to-left marks U+200E/F",
            "\u202A华南贸易\u202C|left-to-right embedding U+202A … pop U+202C",
            "\u202B华南贸易|right-to-left embedding U+202B",
            "\u202D华南贸易|left-to-right override U+202D",
            "\u202E易贸南华\u202C|right-to-left override U+202E (shown reversed, stored in order)",
            "\u2066华南贸易\u2069|left-to-right isolate U+2066 … pop U+2069",
            "\u2067华南\u2068贸易|right-to-left and first-strong isolates U+2067/U+2068",
            "华南\u3164贸易|Hangul filler U+3164",
            "华南贸易\uFE0F|variation selector U+FE0F",
            "华南\u034F贸易|combining grapheme joiner U+034F",
            "华南\u061C贸易|Arabic letter mark U+061C"})
    void CUS1_invisibleCharactersMakeNoSecondFile(String escaped, String what) {
        String raw = escaped;
        if (raw.contains("易贸南华")) {
            // an override only changes how text is shown: the stored characters are in reading order already
            assertThat(CustomerKeys.name(raw)).isEqualTo("易贸南华");
        } else {
            assertThat(CustomerKeys.name(raw)).as(what).isEqualTo(CustomerKeys.name("华南贸易"));
        }
    }

    @ParameterizedTest(name = "CUS-1: format characters leave the stored text: \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "华\u200B南贸易|华南贸易",
            "\u202E华南贸易\u202C|华南贸易",
            "\uFEFF王\u00AD经理|王经理",
            "plain text|plain text"})
    void CUS1_storedNamesLoseFormatCharacters(String escaped, String stored) {
        assertThat(CustomerKeys.clean(escaped)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "CUS-1: key \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "138\u200B1234\u200D5678|13812345678",
            "\uFF11\uFF13\uFF18\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18|13812345678",
            "\u202E13812345678|13812345678"})
    void CUS1_phonesIgnoreInvisibleAndFullWidthCharacters(String escaped, String normalised) {
        assertThat(CustomerKeys.phone(escaped)).contains(normalised);
    }

    @ParameterizedTest(name = "CUS-1: e-mail \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "a\u200B@b.cn|a@b.cn",
            "\uFEFFA@B.cn\u2060|a@b.cn"})
    void CUS1_emailsIgnoreInvisibleCharacters(String escaped, String normalised) {
        assertThat(CustomerKeys.email(escaped)).contains(normalised);
    }

    @ParameterizedTest(name = "CUS-1: credit code with \"{0}\" is the same code")
    @CsvSource({"91350100M0\u200B00100Y43", "\uFEFF91350100M000100Y43"})
    void CUS1_creditCodesIgnoreInvisibleCharacters(String escaped) {
        assertThat(CustomerKeys.creditCode(escaped)).contains("91350100M000100Y43");
    }
}
