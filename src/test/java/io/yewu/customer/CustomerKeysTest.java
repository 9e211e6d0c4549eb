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
}
