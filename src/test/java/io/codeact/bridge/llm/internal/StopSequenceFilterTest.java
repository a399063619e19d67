package io.codeact.bridge.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopSequenceFilterTest {

    @Test
    void passesTextThroughAtOnceWhenItCannotStartAStopSequence() {
        StopSequenceFilter filter = new StopSequenceFilter(List.of("</execute>"));

        assertThat(filter.feed("print(1)")).isEqualTo("print(1)");
        assertThat(filter.matched()).isEmpty();
    }

    @Test
    void holdsBackAPossibleStartAndReleasesItWhenItDoesNotComplete() {
        StopSequenceFilter filter = new StopSequenceFilter(List.of("</execute>"));

        assertThat(filter.feed("x = 1 </ex")).isEqualTo("x = 1 ");
        assertThat(filter.feed("it>")).isEqualTo("</exit>");
    }

    @Test
    void cutsAtAStopSequenceSplitAcrossPieces() {
        StopSequenceFilter filter = new StopSequenceFilter(List.of("</execute>"));

        assertThat(filter.feed("robot.stop()\n</exe")).isEqualTo("robot.stop()\n");
        assertThat(filter.feed("cute>\nObservation:")).isEmpty();
        assertThat(filter.matched()).contains("</execute>");
        assertThat(filter.feed("more")).isEmpty();
        assertThat(filter.flush()).isEmpty();
    }

    @Test
    void cutsAtTheEarliestOfSeveralStopSequences() {
        StopSequenceFilter filter = new StopSequenceFilter(List.of("</execute>", "</solution>"));

        assertThat(filter.feed("<solution>42</solution> and <execute>x</execute>")).isEqualTo("<solution>42");
        assertThat(filter.matched()).contains("</solution>");
    }

    @Test
    void flushReleasesAHeldTailAtTheEnd() {
        StopSequenceFilter filter = new StopSequenceFilter(List.of("</execute>"));

        assertThat(filter.feed("done </")).isEqualTo("done ");
        assertThat(filter.flush()).isEqualTo("</");
    }

    @Test
    void withoutStopSequencesNothingIsHeld() {
        StopSequenceFilter filter = new StopSequenceFilter(List.of());

        assertThat(filter.feed("</execute>")).isEqualTo("</execute>");
    }
}
