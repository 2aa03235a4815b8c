package threadlab.grader.harness;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.TestReporter;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.exercise.Course;
import threadlab.grader.checks.support.GradingSeed;
import threadlab.grader.checks.support.ModelChecking;

/**
 * The main class of a JVM that explores interleaving scenarios: a lean runner that calls each scenario's method
 * itself, without the JUnit Platform. Under an exploration engine's agent every class the JVM loads is instrumented,
 * and the platform loads hundreds; a scenario is a plain {@code @Test} method (taking a {@link TestReporter} at
 * most), so the platform adds nothing but start-up time. Arguments, standard input and the results channel are
 * {@link ForkMain}'s.
 */
public final class ScenarioMain {

    private ScenarioMain() {
    }

    public static void main(String[] args) throws Exception {
        String secret = HarnessJvm.start();
        Path events = Path.of(args[0]);
        System.setProperty(GradingSeed.PROPERTY, args[1]);
        long budgetMillis = Long.parseLong(args[2]);
        List<String> ids = Arrays.asList(args).subList(3, args.length);
        // A pack's suites are on the class path, with its descriptor: found as the grader's own are.
        CheckCatalog catalog = CheckCatalog.load(Course.discover(ClassLoader.getSystemClassLoader()));

        try (ResultChannel log = ResultChannel.appendingTo(events, secret)) {
            CheckRecorder recorder = new CheckRecorder(log, new Watchdog(log, budgetMillis));
            for (String id : ids) {
                run(catalog.byId(id).orElseThrow(() -> new IllegalArgumentException("no check " + id)), recorder);
            }
            ForkMain.endLeftovers();
            log.write(CheckEvent.completed());
        }
        System.exit(0);
    }

    private static void run(CheckDefinition check, CheckRecorder recorder) throws ReflectiveOperationException {
        Class<?> suite = Class.forName(check.suiteClass());
        Method method = Arrays.stream(suite.getDeclaredMethods()).filter(m -> m.getName().equals(check.method()))
                .findFirst().orElseThrow();
        Constructor<?> constructor = suite.getDeclaredConstructor();
        method.setAccessible(true); // the suites are this module's: package-private methods, like JUnit's
        constructor.setAccessible(true);
        AtomicReference<String> note = new AtomicReference<>();
        TestReporter reporter = entries -> note.set(entries.getOrDefault(ModelChecking.EXPLORED, note.get()));
        recorder.started(check);
        try {
            Object instance = constructor.newInstance();
            if (method.getParameterCount() == 0) {
                method.invoke(instance);
            } else {
                method.invoke(instance, reporter);
            }
            recorder.passed(check, note.get());
        } catch (InvocationTargetException e) {
            recorder.failed(check, e.getCause(), "");
        }
    }
}
