package io.yewu.platform.read;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.security.CompanyContext;
import io.yewu.support.PlatformFixtures.TestSubject;
import io.yewu.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads sent together (decision 0050): each part gets its own rows, in order, behind the company wall. */
class OneTripIT extends PlatformIntegrationTest {

    @Autowired Reads reads;
    @Autowired DecisionRecords decisions;
    @Autowired TestSubject subject;

    record Numbered(long n, String word) {}

    @Test
    void eachPartGetsItsOwnRowsWithSharedAndBoundValues() {
        String id = "trip-" + System.nanoTime();
        CompanyContext.runAs(subject.companyId(), () -> {
            decisions.record("trip", id, "first", Decision.of("A", 1, RuleHit.of("PLT-1", "第一", "First")));
            decisions.record("trip", id, "second", Decision.of("B", 2, RuleHit.of("PLT-1", "第二", "Second")));
        });
        CompanyContext.runAs(subject.companyId(), () -> {
            OneTrip trip = reads.trip(Map.of("n", 3));
            OneTrip.Rows<Long> numbers = trip.add("SELECT generate_series(1, :n) AS x", Long.class);
            OneTrip.Rows<StoredDecision> stored = decisions.forSubject(trip, "trip", id);
            OneTrip.Rows<String> none = trip.add("SELECT 'x' AS v WHERE :n < 0", String.class);
            OneTrip.Rows<Numbered> words = trip.add("SELECT g AS n, " + trip.bind("第", "text")
                    + " || g AS word FROM generate_series(1, :n) g ORDER BY g DESC", Numbered.class);
            trip.run();
            assertThat(numbers.list()).containsExactly(1L, 2L, 3L);
            assertThat(stored.list()).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(decisions.forSubject("trip", id));
            assertThat(stored.list()).extracting(StoredDecision::kind).containsExactly("second", "first");
            assertThat(none.list()).isEmpty();
            assertThat(none.optional()).isEmpty();
            assertThat(words.list()).containsExactly(new Numbered(3, "第3"), new Numbered(2, "第2"), new Numbered(1, "第1"));
        });
    }

    @Test
    void PLT11_aTripReadsBehindTheCompanyWall() {
        String id = "walled-" + System.nanoTime();
        CompanyContext.runAs(subject.companyId(), () ->
                decisions.record("trip", id, "only", Decision.of("A", 1, RuleHit.of("PLT-1", "本公司", "Own company"))));
        String stranger = userOfNewCompany("TRIP", io.yewu.platform.security.RoleCode.SALESPERSON, "外司读者");
        long other = asSystem(() -> jdbc.sql("SELECT company_id FROM app_user WHERE username = :u").param("u", stranger)
                .query(Long.class).single());
        List<StoredDecision> seenByOther = CompanyContext.callAs(other, () -> {
            OneTrip trip = reads.trip(Map.of());
            OneTrip.Rows<StoredDecision> stored = decisions.forSubject(trip, "trip", id);
            // no company condition at all: only the wall keeps the other company's row out
            OneTrip.Rows<Long> anyCompany = trip.add("SELECT count(*) FROM decision_record WHERE subject_id = " + trip.bind(id, "text"), Long.class);
            trip.run();
            assertThat(anyCompany.list()).containsExactly(0L);
            return stored.list();
        });
        assertThat(seenByOther).isEmpty();
        assertThat(CompanyContext.callAs(subject.companyId(), () -> decisions.forSubject("trip", id))).hasSize(1);
    }

    @Test
    void aFailingPartFailsTheTripAndATripRunsOnce() {
        CompanyContext.runAs(subject.companyId(), () -> {
            OneTrip failing = reads.trip(Map.of());
            OneTrip.Rows<Long> before = failing.add("SELECT 1", Long.class);
            failing.add("SELECT 1 / 0", Long.class);
            assertThatThrownBy(failing::run).isInstanceOf(DataAccessException.class).hasMessageContaining("division by zero");
            assertThatThrownBy(before::list).isInstanceOf(IllegalStateException.class);

            OneTrip once = reads.trip(Map.of());
            once.add("SELECT 1", Long.class);
            once.run();
            assertThatThrownBy(once::run).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> once.add("SELECT 2", Long.class)).isInstanceOf(IllegalStateException.class);
        });
        assertThatThrownBy(() -> reads.trip(Map.of()).add("SELECT 1;", Long.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reads.trip(Map.of("r_0", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reads.trip(Map.of()).run()).isInstanceOf(IllegalStateException.class);
    }
}
