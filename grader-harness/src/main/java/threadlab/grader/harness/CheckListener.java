package threadlab.grader.harness;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import threadlab.grader.api.Category;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.checks.support.ModelChecking;

/** Writes a started and a finished event for every check the JUnit Platform runs. */
final class CheckListener implements TestExecutionListener {

    private final Map<String, CheckDefinition> checksByMethod;
    private final CheckRecorder recorder;
    private final Map<String, StringBuilder> reports = new HashMap<>();
    private final Map<String, String> passNotes = new HashMap<>();
    private final long seed;

    /** @param seed the grading seed, which draws the scheduling noise of the correctness checks */
    CheckListener(Map<String, CheckDefinition> checksByMethod, CheckRecorder recorder, long seed) {
        this.checksByMethod = checksByMethod;
        this.recorder = recorder;
        this.seed = seed;
    }

    static String key(String className, String method) {
        return className + "#" + method;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        check(test).ifPresent(check -> {
            // Noise only where it finds races: it would distort what blocking, timing and policy checks measure.
            if (check.category() == Category.CORRECTNESS) {
                SchedulingNoise.on(seed);
            }
            recorder.started(check);
        });
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        // An exploration publishes what it covered, which becomes the message of the check if it passes.
        check(test).ifPresent(check -> Optional.ofNullable(entry.getKeyValuePairs().get(ModelChecking.EXPLORED))
                .ifPresent(note -> passNotes.put(check.id(), note)));
        // jqwik publishes the shrunk counterexample of a falsified property as a report entry.
        check(test).ifPresent(check -> entry.getKeyValuePairs().values().stream()
                .map(CheckListener::smallestSample)
                .flatMap(Optional::stream)
                .forEach(sample -> reports.computeIfAbsent(check.id(), k -> new StringBuilder()).append(sample).append('\n')));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        check(test).ifPresent(check -> recorder.skipped(check, reason));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        check(test).ifPresent(check -> {
            SchedulingNoise.off();
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                recorder.passed(check, passNotes.get(check.id()));
                return;
            }
            String counterexample = Optional.ofNullable(reports.get(check.id()))
                    .map(r -> "\n\nSmallest failing example found (jqwik shrank it for you):\n" + r.toString().strip())
                    .orElse("");
            result.getThrowable().ifPresentOrElse(thrown -> recorder.failed(check, thrown, counterexample),
                    () -> recorder.endedWithoutReason(check));
        });
    }

    /** The shrunk sample of a jqwik failure report, without jqwik's statistics table. */
    static Optional<String> smallestSample(String report) {
        int start = report.indexOf("Shrunk Sample");
        if (start < 0) {
            start = report.indexOf("Sample");
            if (start < 0 || report.contains("not implemented yet")) {
                return Optional.empty();
            }
        }
        int end = report.indexOf("Original Sample", start + 1);
        String sample = report.substring(start, end < 0 ? report.length() : end);
        // drop jqwik's underline rows, keep the sample's own lines
        return Optional.of(sample.lines().filter(l -> !l.isBlank() && !l.matches("\\s*-+\\s*"))
                .collect(java.util.stream.Collectors.joining("\n")).strip());
    }

    private Optional<CheckDefinition> check(TestIdentifier test) {
        return test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(source -> checksByMethod.get(key(source.getClassName(), source.getMethodName())));
    }
}
