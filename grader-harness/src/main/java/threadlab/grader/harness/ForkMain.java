package threadlab.grader.harness;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import threadlab.grader.catalog.CheckCatalog;
import threadlab.grader.catalog.CheckDefinition;
import threadlab.grader.exercise.Course;
import threadlab.grader.checks.support.GradingSeed;

/**
 * The main class of a forked check JVM: runs the named checks on the JUnit Platform with the
 * submission's classes on the class path, and records each outcome in the event log.
 *
 * <p>Arguments: {@code RESULT_CHANNEL SEED BUDGET_MILLIS CHECK_ID...}; standard input carries the run's secret,
 * which seals every record of the {@link ResultChannel} and is read before any student class is loaded. The seed
 * is handed to every random choice of the checks (jqwik properties and stress tests) through {@link GradingSeed};
 * the budget caps every check's own time limit, so that the watchdog, not a kill from outside, ends a hang.
 */
public final class ForkMain {

    private ForkMain() {
    }

    /**
     * Student code may leave processes and non-daemon threads behind. Processes are killed while this
     * JVM is still their parent (afterwards they would be orphans nobody can find); threads end with
     * the JVM.
     */
    static void endLeftovers() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    public static void main(String[] args) throws Exception {
        String secret = HarnessJvm.start();
        Path events = Path.of(args[0]);
        System.setProperty(GradingSeed.PROPERTY, args[1]);
        long budgetMillis = Long.parseLong(args[2]);
        List<String> ids = Arrays.asList(args).subList(3, args.length);
        // A pack's suites are on the class path, with its descriptor: found as the grader's own are.
        CheckCatalog catalog = CheckCatalog.load(Course.discover(ClassLoader.getSystemClassLoader()));

        Map<String, CheckDefinition> byMethod = new HashMap<>();
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String id : ids) {
            CheckDefinition check = catalog.byId(id).orElseThrow(() -> new IllegalArgumentException("no check " + id));
            byMethod.put(CheckListener.key(check.suiteClass(), check.method()), check);
            Class<?> suite = Class.forName(check.suiteClass());
            Method method = Arrays.stream(suite.getDeclaredMethods())
                    .filter(m -> m.getName().equals(check.method())).findFirst().orElseThrow();
            selectors.add(DiscoverySelectors.selectMethod(suite, method));
        }

        try (ResultChannel log = ResultChannel.appendingTo(events, secret)) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .configurationParameter("jqwik.database", Path.of("jqwik-database").toAbsolutePath().toString())
                    .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .build();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new CheckListener(byMethod, new CheckRecorder(log, new Watchdog(log, budgetMillis)),
                    Long.parseLong(args[1])));
            endLeftovers();
            log.write(CheckEvent.completed());
        }
        System.exit(0);
    }
}
