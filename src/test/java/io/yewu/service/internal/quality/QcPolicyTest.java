package io.yewu.service.internal.quality;

import io.yewu.platform.settings.SettingsSnapshot;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class QcPolicyTest {

    private final QcPolicy policy = new QcPolicy();
    private static final List<Long> TICKETS = LongStream.rangeClosed(101, 140).boxed().toList();

    @ParameterizedTest(name = "QC-1: {0} per agent from {1} tickets -> {2} proposed")
    @CsvSource({"1, 40, 1", "3, 40, 3", "5, 40, 5", "5, 2, 2", "1, 0, 0"})
    void QC1_proposesAtLeastNOfTheAgentsTickets(long perAgent, int tickets, int expected) {
        var settings = SettingsSnapshot.defaults().with(QcSettings.SAMPLES_PER_AGENT, perAgent);
        var d = policy.sample(7, YearMonth.of(2026, 11), 42, TICKETS.subList(0, tickets), settings);
        assertThat(d.outcome()).hasSize(expected).doesNotHaveDuplicates();
        assertThat(TICKETS).containsAll(d.outcome());
        assertThat(d.ruleIds()).containsExactly("QC-1");
    }

    @Test
    @DisplayName("QC-1: a re-run proposes the same sample; another month or agent another one")
    void QC1_theSampleIsReproducible() {
        var settings = SettingsSnapshot.defaults().with(QcSettings.SAMPLES_PER_AGENT, 3L);
        var first = policy.sample(7, YearMonth.of(2026, 11), 42, TICKETS, settings).outcome();
        var again = policy.sample(7, YearMonth.of(2026, 11), 42, TICKETS.reversed(), settings).outcome();
        assertThat(again).isEqualTo(first);
        var others = new java.util.HashSet<List<Long>>();
        for (int m = 1; m <= 12; m++) others.add(policy.sample(7, YearMonth.of(2026, m), 42, TICKETS, settings).outcome());
        for (long agent = 1; agent <= 12; agent++) others.add(policy.sample(7, YearMonth.of(2026, 11), agent, TICKETS, settings).outcome());
        assertThat(others.size()).as("different seeds draw different samples").isGreaterThan(10);
    }

    @ParameterizedTest(name = "QC-2: {0} -> problems {1}")
    @CsvSource(delimiter = '|', value = {
            "                              | ",
            "LANGUAGE=21                   | LANGUAGE:qc-item-range",
            "LANGUAGE=-1                   | LANGUAGE:qc-item-range",
            "SPEED=5                       | SPEED:qc-item-unknown",
            "LANGUAGE=                     | LANGUAGE:qc-item-missing"})
    void QC2_aScoreOutsideTheFormIsRefused(String change, String problem) {
        Map<String, Integer> scores = new HashMap<>(Map.of("LANGUAGE", 18, "GREETING", 10, "RESPONSE", 9, "FAREWELL", 10,
                "ATTITUDE", 15, "TONE", 8, "NEED_SUMMARY", 7, "HANDLING", 12));
        if (change != null) {
            String[] kv = change.split("=", -1);
            if (kv[1].isEmpty()) scores.remove(kv[0]);
            else scores.put(kv[0], Integer.parseInt(kv[1]));
        }
        var form = policy.form(SettingsSnapshot.defaults()).outcome();
        var d = policy.score(form, scores);
        assertThat(d.ruleIds()).containsExactly("QC-2");
        if (problem == null) {
            assertThat(d.outcome().problems()).isEmpty();
            assertThat(d.outcome().total()).isEqualTo(89);
            assertThat(d.outcome().maxTotal()).isEqualTo(100);
        } else {
            assertThat(d.outcome().problems()).extracting(p -> p.item() + ":" + p.code()).containsExactly(problem);
        }
    }

    @ParameterizedTest(name = "QC-2: form setting \"{0}\" -> {1} items, max {2}")
    @CsvSource(delimiter = '|', value = {
            "LANGUAGE:50,ATTITUDE:50 | 2 | 100",
            "LANGUAGE:50,LANGUAGE:50 | 8 | 100",   // duplicate item: the default form
            "nonsense                | 8 | 100",
            "TONE:0                  | 8 | 100"})
    void QC2_theFormComesFromTheSetting(String text, int items, int max) {
        var d = policy.form(SettingsSnapshot.defaults().with(QcSettings.FORM, text));
        assertThat(d.outcome().items()).hasSize(items);
        assertThat(d.outcome().maxTotal()).isEqualTo(max);
        assertThat(d.ruleIds()).containsExactly("QC-2");
    }

    @Test
    @DisplayName("QC-3: the lowest items propose training, for the team when half the agents or more are below")
    void QC3_trainingForTheTeamOrIndividuals() {
        var rates = List.of(
                new QcPolicy.ItemRate(1, "TONE", new BigDecimal("0.50")),
                new QcPolicy.ItemRate(2, "TONE", new BigDecimal("0.60")),
                new QcPolicy.ItemRate(3, "TONE", new BigDecimal("0.90")),
                new QcPolicy.ItemRate(1, "ATTITUDE", new BigDecimal("1.00")),
                new QcPolicy.ItemRate(2, "ATTITUDE", new BigDecimal("0.70")),
                new QcPolicy.ItemRate(3, "ATTITUDE", new BigDecimal("0.95")),
                new QcPolicy.ItemRate(1, "LANGUAGE", new BigDecimal("0.85")),
                new QcPolicy.ItemRate(2, "LANGUAGE", new BigDecimal("0.95")));
        var d = policy.training(rates, SettingsSnapshot.defaults());
        assertThat(d.outcome()).extracting(QcPolicy.Training::item, QcPolicy.Training::scope, QcPolicy.Training::agents)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("TONE", "TEAM", List.of()),
                        org.assertj.core.groups.Tuple.tuple("ATTITUDE", "INDIVIDUAL", List.of(2L)));
        assertThat(d.ruleIds()).containsExactly("QC-3");
        var stricter = policy.training(rates, SettingsSnapshot.defaults().with(QcSettings.TRAINING_THRESHOLD, 90L));
        assertThat(stricter.outcome()).extracting(QcPolicy.Training::item).containsExactly("TONE", "ATTITUDE", "LANGUAGE");
    }
}
