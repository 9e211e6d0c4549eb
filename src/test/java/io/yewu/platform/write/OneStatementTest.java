package io.yewu.platform.write;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How writes are joined into one statement (decision 0049): stable text, values bound in order, conditions kept. */
class OneStatementTest {

    private static final FollowingWrite NOTE = (subject, binds) ->
            "INSERT INTO note (subject_id, text) SELECT " + subject.id() + ", " + binds.bind("x", "text") + " " + subject.fromWhere("");

    private static String compose(List<String> notes) {
        OneStatement write = new OneStatement().part("made", "INSERT INTO thing (name) VALUES (:name) RETURNING id");
        for (int i = 0; i < notes.size(); i++) write.then("n" + i, NOTE, new FollowingWrite.Subject("made", "made.id"));
        return write.sql("SELECT id FROM made");
    }

    @Test
    void theSameCompositionIsTheSameTextWhateverTheValues() {
        // PostgreSQL keeps a statement's plan by its text: the values must not leak into it
        assertThat(compose(List.of("a", "b"))).isEqualTo(compose(List.of("c", "d")));
        assertThat(compose(List.of("a"))).isNotEqualTo(compose(List.of("a", "b")));
    }

    @Test
    void eachPartIsNamed_valuesAreBoundInOrderUnderTheirOwnPrefix() {
        OneStatement write = new OneStatement().part("made", "INSERT INTO thing (name) VALUES (:name) RETURNING id");
        write.then("n0", NOTE, new FollowingWrite.Subject("made", "made.id"));
        write.then("n1", NOTE, new FollowingWrite.Subject("made, ok", "made.id", "ok.fine"));
        assertThat(write.sql("SELECT id FROM made")).isEqualTo("""
                WITH made AS (INSERT INTO thing (name) VALUES (:name) RETURNING id),
                n0 AS (INSERT INTO note (subject_id, text) SELECT made.id, CAST(:w_0 AS text) FROM made WHERE TRUE),
                n1 AS (INSERT INTO note (subject_id, text) SELECT made.id, CAST(:w_1 AS text) FROM made, ok WHERE ok.fine)
                SELECT id FROM made""");
        assertThat(write.params()).containsExactly(Map.entry("w_0", "x"), Map.entry("w_1", "x"));
    }

    @Test
    void aKnownRowIsBoundNotWrittenIntoTheText() {
        OneStatement write = new OneStatement();
        FollowingWrite.Subject order = FollowingWrite.Subject.known(42L, write);
        write.then("n0", NOTE, order);
        assertThat(write.sql("SELECT 1")).doesNotContain("42")
                .contains("FROM (SELECT CAST(:w_0 AS bigint) AS id) AS subject WHERE TRUE");
        assertThat(write.params()).containsEntry("w_0", 42L);
    }

    @Test
    void aStatementNeedsAPart() {
        assertThatThrownBy(() -> new OneStatement().sql("SELECT 1")).isInstanceOf(IllegalStateException.class);
    }
}
