package threadlab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    @Test
    void noUntimedWaitWakesSpuriouslyWhileTheNoiseIsOffAndAboutOneInFourWhileItIsOn() {
        int off = 0;
        for (int i = 0; i < 8_000; i++) {
            off += SchedulingNoise.wakesSpuriously() ? 1 : 0;
        }
        SchedulingNoise.on(3);
        int on = 0;
        for (int i = 0; i < 8_000; i++) {
            on += SchedulingNoise.wakesSpuriously() ? 1 : 0;
        }
        assertThat(off).isZero();
        assertThat(on).isBetween(1_700, 2_300);
    }

    @Test
    @Timeout(20)
    void aSpuriousWakeUpReturnsWithoutANotifyHoldingTheMonitorAgainAndKeepsWaitsContract() throws Exception {
        String name = "waiter";
        long seed = 0;
        while (new SplittableRandom(seed * 31 + name.hashCode()).nextInt(SchedulingNoise.SPURIOUS_WAKE_UP_ODDS) != 0) {
            seed++; // a seed whose first decision for this thread is a spurious wake-up
        }
        SchedulingNoise.on(seed);
        Object monitor = new Object();
        CompletableFuture<Boolean> heldAfterwards = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                synchronized (monitor) {
                    Noise.waitOn(monitor); // nobody ever notifies
                    heldAfterwards.complete(Thread.holdsLock(monitor));
                }
            } catch (Throwable t) {
                heldAfterwards.completeExceptionally(t);
            }
        }, name);
        waiter.start();
        assertThat(heldAfterwards.get(10, TimeUnit.SECONDS)).as("holds the monitor after waking").isTrue();
        waiter.join(10_000);

        assertThatThrownBy(() -> Noise.waitOn(monitor)).isInstanceOf(IllegalMonitorStateException.class);
        Thread.currentThread().interrupt();
        synchronized (monitor) {
            assertThatThrownBy(() -> Noise.waitOn(monitor)).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    @Timeout(20)
    void theOneClassStudentCodeCanReachHasNothingToSwitch() throws Exception {
        // What a student's code can call: Noise's public methods and constants (its package is the only one the
        // harness exports to it). Calling every one of them, noise off, leaves the noise off.
        assertThat(Stream.of(Noise.class.getMethods()).filter(m -> m.getDeclaringClass() == Noise.class)
                .map(Method::getName)).containsExactlyInAnyOrder("point", "waitOn", "await");
        assertThat(Stream.of(Noise.class.getFields())).allSatisfy(f -> assertThat(Modifier.isFinal(f.getModifiers()))
                .as(f.getName()).isTrue());
        Object monitor = new Object();
        java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        for (int i = 0; i < 1_000; i++) {
            Noise.point();
            Thread.currentThread().interrupt(); // so that the real waits return at once, by throwing
            synchronized (monitor) {
                assertThatThrownBy(() -> Noise.waitOn(monitor)).isInstanceOf(InterruptedException.class);
            }
            Thread.currentThread().interrupt();
            lock.lock();
            try {
                assertThatThrownBy(() -> Noise.await(lock.newCondition())).isInstanceOf(InterruptedException.class);
            } finally {
                lock.unlock();
            }
        }
        assertThat(Stream.generate(SchedulingNoise::wakesSpuriously).limit(1_000)).as("noise still off")
                .doesNotContain(true);
        // Positive control: the switch, which only the harness reaches, does turn it on.
        SchedulingNoise.on(5);
        assertThat(Stream.generate(SchedulingNoise::wakesSpuriously).limit(1_000)).contains(true);
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
