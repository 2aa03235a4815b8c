package threadlab.grader.harness;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.checks.support.ModelChecking;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** Writes a started and a finished event for every check the JUnit Platform runs. */
final class CheckListener implements TestExecutionListener {

    private final Map<String, CheckDefinition> checksByMethod;
    private final ResultChannel log;
    private final Watchdog watchdog;
    private final Map<String, Long> startNanos = new HashMap<>();
    private final Map<String, StringBuilder> reports = new HashMap<>();
    private final Map<String, String> passNotes = new HashMap<>();

    CheckListener(Map<String, CheckDefinition> checksByMethod, ResultChannel log, Watchdog watchdog) {
        this.checksByMethod = checksByMethod;
        this.log = log;
        this.watchdog = watchdog;
    }

    static String key(String className, String method) {
        return className + "#" + method;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        check(test).ifPresent(check -> {
            startNanos.put(check.id(), System.nanoTime());
            log.write(CheckEvent.started(check.id()));
            watchdog.begin(check.id(), check.timeoutSeconds());
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
        check(test).ifPresent(check -> {
            log.write(CheckEvent.started(check.id()));
            log.write(CheckEvent.finished(check.id(), CheckStatus.SKIPPED, Reason.NOT_APPLICABLE, reason, 0));
        });
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        check(test).ifPresent(check -> {
            if (!watchdog.end()) {
                return; // already reported as a timeout
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos.getOrDefault(check.id(), System.nanoTime()));
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                log.write(CheckEvent.finished(check.id(), CheckStatus.PASSED, Reason.NONE, passNotes.get(check.id()), ms));
                return;
            }
            FailureTranslator.Verdict verdict = result.getThrowable()
                    .map(FailureTranslator::translate)
                    .orElse(new FailureTranslator.Verdict(CheckStatus.ERROR, Reason.GRADER_ERROR, "The check ended without a reason."));
            String counterexample = Optional.ofNullable(reports.get(check.id()))
                    .map(r -> "\n\nSmallest failing example found (jqwik shrank it for you):\n" + r.toString().strip())
                    .orElse("");
            log.write(CheckEvent.finished(check.id(), verdict.status(), verdict.reason(), verdict.message() + counterexample, ms));
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
