package threadlab.grader.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.exercise.PackDescriptor;
import threadlab.grader.exercise.PackException;

/** Descriptors and the course they make: every exercise found the same way, and a broken pack named in one line. */
class PackDescriptorTest {

    private static final String VALID = """
            id = barrier
            title = A reusable barrier
            order = 70
            suites = threadlab.grader.packs.barrier.BarrierChecks, \\
                threadlab.grader.packs.barrier.BarrierInterleavings
            starts-processes = false
            denies = java.util.concurrent.CyclicBarrier
            """;

    @Test
    void readsEveryKeyOfADescriptor(@TempDir Path entry) {
        Exercise barrier = read(VALID, entry);

        assertThat(barrier.id()).isEqualTo("barrier");
        assertThat(barrier.javaPackage()).isEqualTo("threadlab.barrier");
        assertThat(barrier.title()).isEqualTo("A reusable barrier");
        assertThat(barrier.order()).isEqualTo(70);
        assertThat(barrier.suiteClasses()).containsExactly("threadlab.grader.packs.barrier.BarrierChecks",
                "threadlab.grader.packs.barrier.BarrierInterleavings");
        assertThat(barrier.deniedTypes()).containsExactly("java.util.concurrent.CyclicBarrier");
        assertThat(barrier.startsProcesses()).isFalse();
        assertThat(barrier.benchmarkClass()).isEmpty();
        assertThat(barrier.builtIn()).isFalse();
        assertThat(barrier.checkClasspath()).hasValue(entry);
        assertThat(read(VALID + "benchmark = threadlab.grader.packs.barrier.BarrierBenchmark\n", entry).benchmarkClass())
                .hasValue("threadlab.grader.packs.barrier.BarrierBenchmark");
    }

    @Test
    void aBrokenDescriptorIsRefusedInOneLineThatNamesTheFileAndTheProblem(@TempDir Path entry) {
        Map<String, String> broken = Map.of(
                VALID.replace("id = barrier", "id = Barrier!"), "id 'Barrier!'",
                VALID.replace("id = barrier", "id = grader"), "id 'grader'",
                VALID.replace("title = A reusable barrier\n", ""), "'title' is missing",
                VALID.replace("order = 70", "order = seventh"), "order 'seventh'",
                VALID.replace("starts-processes = false", "starts-processes = maybe"), "true or false",
                VALID.replace("suites = threadlab.grader.packs", "suites = course.checks"), "not a class of a package under threadlab.grader",
                VALID + "benchmark = course.BarrierBenchmark\n", "'course.BarrierBenchmark' is not a class of a package under",
                VALID.replace("denies = java.util.concurrent.CyclicBarrier", "denies = CyclicBarrier"), "not a JDK type",
                VALID + "points = 20\n", "unknown key 'points'");
        broken.forEach((text, problem) -> assertThatThrownBy(() -> read(text, entry)).as(problem)
                .isInstanceOf(PackException.class)
                .hasMessageStartingWith("barrier/pack.properties: ").hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")));
    }

    @Test
    void theGradersOwnExercisesArePacksInCourseOrder() {
        Course course = Course.builtIn();

        assertThat(course.ids()).isEqualTo("counterlock, threadsafeset, boundedbuffer, philosophers, poolexecutor, processmap");
        assertThat(course.exercises()).allMatch(Exercise::builtIn);
        assertThat(course.byId("processmap")).get().matches(Exercise::startsProcesses);
        assertThat(course.exercises()).filteredOn(Exercise::startsProcesses).hasSize(1);
        assertThat(course.byPackage("threadlab.boundedbuffer")).map(Exercise::id).hasValue("boundedbuffer");
    }

    @Test
    void aPackOnTheClassPathJoinsTheCourseInItsOrder(@TempDir Path entry) throws Exception {
        builtPack(entry, VALID);

        Course course = Course.discover(new URLClassLoader(new URL[] {entry.toUri().toURL()}, getClass().getClassLoader()));

        assertThat(course.exercises()).last().extracting(Exercise::id).isEqualTo("barrier");
        assertThat(course.byId("barrier")).get().extracting(e -> e.checkClasspath().orElseThrow()).isEqualTo(entry);
    }

    @Test
    void twoPacksWithOneIdAreRefused(@TempDir Path entry) throws Exception {
        builtPack(entry, VALID.replace("id = barrier", "id = counterlock"));
        URLClassLoader loader = new URLClassLoader(new URL[] {entry.toUri().toURL()}, getClass().getClassLoader());

        assertThatThrownBy(() -> Course.discover(loader)).isInstanceOf(PackException.class)
                .hasMessageContaining("two packs are called 'counterlock'").hasMessageContaining(entry.toString());
    }

    private static Exercise read(String text, Path entry) {
        return PackDescriptor.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "barrier/pack.properties", entry);
    }

    /** A built pack's layout: the index and the descriptor (no suites: the course does not load them). */
    private static void builtPack(Path entry, String descriptor) throws Exception {
        Files.createDirectories(entry.resolve(Course.DESCRIPTORS));
        Files.writeString(entry.resolve(Course.DESCRIPTORS).resolve("mine.properties"), descriptor);
        Files.writeString(entry.resolve(Course.INDEX), "mine.properties\n");
    }
}
