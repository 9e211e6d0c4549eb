package io.yewu.customer.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CUS-1: a customer's city is one of China's divisions the web's city picker offers (decision 0031), stored by its
 * short name. Empty expected = refused.
 */
class CitiesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", value = {
            "广州, 广州",
            "广州市, 广州",
            "' 佛山市 ', 佛山",
            "阿里地区, 阿里地区",
            "仙桃市, 仙桃",
            "五指山市, 五指山",
            "陵水黎族自治县, 陵水黎族自治县",
            "基隆市, 基隆",
            "南投县, 南投县",
            "香港, 香港",
            "香港岛, -",
            "县, -",
            "省直辖县, -",
            "广东省, -",
            "不存在市, -",
    })
    void CUS1_city_is_a_known_division(String typed, String stored) {
        assertThat(Cities.canonical(typed).orElse(null)).isEqualTo(stored);
    }
}
