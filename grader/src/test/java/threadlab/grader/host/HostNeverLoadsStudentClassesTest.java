package threadlab.grader.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.BuiltIn;
import threadlab.grader.Grading;
import threadlab.grader.ProjectLayout;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.report.GradeReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.sandbox.SandboxMode;

/**
 * The trust boundary holds at run time: a whole grading, run in this JVM as the command line runs it, loads no
 * class of an exercise package here — student code runs only in the check JVMs. A JFR recording of class loading
 * and definition is the witness; the control loads a student class on purpose and must be seen.
 */
@Timeout(180)
class HostNeverLoadsStudentClassesTest {

    @TempDir
    Path work;

    @Test
    void gradingLoadsNoExerciseClassInTheGradersJvm() throws Exception {
        List<String> loaded = exerciseClassesLoadedDuring(() -> Grading.CATALOG.all().size() > 0
                && grade().exercises().get(0).score() > 0);

        assertThat(loaded).isEmpty();
    }

    @Test
    void theRecordingSeesAStudentClassLoadedOnPurpose() throws Exception {
        Path classes = ProjectLayout.root().resolve("solutions/target/classes");

        List<String> loaded = exerciseClassesLoadedDuring(() -> {
            try (URLClassLoader student = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
                return student.loadClass("threadlab.counterlock.CounterLock") != null;
            }
        });

        assertThat(loaded).contains("threadlab.counterlock.CounterLock");
    }

    private GradeReport grade() throws IOException {
        Path out = Files.createDirectories(work.resolve("grading"));
        return new GradingEngine(GradingEngine.currentClasspath(), Grading.CATALOG, Progress.SILENT)
                .grade(new GradeRequest(ProjectLayout.solutionSources(), "solutions", Set.of(BuiltIn.COUNTERLOCK),
                        Grading.SEED, true, Rubric.defaults(Grading.CATALOG), out, Duration.ofSeconds(75),
                        out.resolve("artifacts"), SandboxMode.LOCAL));
    }

    private List<String> exerciseClassesLoadedDuring(Callable<Boolean> action) throws Exception {
        Path dump = work.resolve("classes-" + System.nanoTime() + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ClassLoad").withoutThreshold();
            recording.enable("jdk.ClassDefine"); // what the JVM records for every class it defines
            recording.start();
            assertThat(action.call()).isTrue();
            recording.stop();
            recording.dump(dump);
        }
        Set<String> exercisePackages = BuiltIn.ALL.stream().map(e -> e.javaPackage() + ".")
                .collect(Collectors.toSet());
        return RecordingFile.readAllEvents(dump).stream()
                .map(e -> e.<RecordedClass>getValue(e.hasField("loadedClass") ? "loadedClass" : "definedClass"))
                .filter(c -> c != null && exercisePackages.stream().anyMatch(c.getName()::startsWith))
                .map(RecordedClass::getName).collect(Collectors.toList());
    }
}
