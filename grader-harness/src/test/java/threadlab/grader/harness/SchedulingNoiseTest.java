package threadlab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import threadlab.grader.harness.SchedulingNoise.Pause;
import threadlab.grader.noise.Noise;

class SchedulingNoiseTest {

    @AfterEach
    void switchOff() {
        SchedulingNoise.off();
    }

    @Test
    void aSeedDecidesTheSamePausesEveryTime() {
        assertThat(decisions(7)).isEqualTo(decisions(7)).isNotEqualTo(decisions(8));
    }

    @Test
    void mostPointsPassAboutOneInFifteenSpinsAFewYield() {
        Map<Pause, Integer> counts = new EnumMap<>(Pause.class);
        decisions(42).forEach(p -> counts.merge(p, 1, Integer::sum));
        int all = 64_000;
        assertThat(counts.get(Pause.NONE)).isBetween(all * 88 / 100, all * 96 / 100);
        assertThat(counts.get(Pause.SHORT_SPIN)).isBetween(all / 20, all / 12);
        assertThat(counts.get(Pause.LONG_SPIN)).isPositive().isLessThan(counts.get(Pause.SHORT_SPIN));
        assertThat(counts.get(Pause.YIELD)).isPositive().isLessThan(counts.get(Pause.SHORT_SPIN));
    }

    @Test
    void pointsNeverBlockNorTouchTheInterruptStatusOrParkPermits() {
        SchedulingNoise.on(1);
        Thread.currentThread().interrupt();
        java.util.concurrent.locks.LockSupport.unpark(Thread.currentThread());
        for (int i = 0; i < 10_000; i++) {
            Noise.point();
        }
        assertThat(Thread.interrupted()).as("still interrupted").isTrue();
        long start = System.nanoTime();
        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000_000L); // returns at once: the permit is still there
        assertThat(System.nanoTime() - start).as("nanoseconds the park took").isLessThan(2_000_000_000L);
    }

    private static List<Pause> decisions(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Pause> pauses = new ArrayList<>();
        for (int i = 0; i < 64_000; i++) {
            pauses.add(SchedulingNoise.decide(random));
        }
        return pauses;
    }
}
