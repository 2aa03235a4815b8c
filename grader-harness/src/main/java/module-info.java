/**
 * The harness: everything that runs in a check JVM or benchmark JVM next to untrusted student classes.
 *
 * <p>In those JVMs the harness is this named module on the module path and the student's classes are on the class
 * path (the unnamed module, which the harness reads with {@code --add-reads}). No package is opened to the unnamed
 * module, so student code cannot reflect into the harness (its results channel, its watchdog, its secret), and
 * {@code jdk.unsupported} is not in the module graph, so it has no {@code sun.misc.Unsafe} either. The check
 * suites are opened only to the test engines that run them, and the results' records only to Jackson. Student code
 * can call only what is exported to everyone: the check annotations, {@code threadlab.grader.noise.Noise}, the
 * scheduling-noise point the grader weaves into its classes (its switch stays in the closed harness package), and the
 * helpers and benchmark API an exercise pack's suites use, which the bytecode scan forbids student code to name.
 *
 * <p>The host (module {@code grader}) uses this jar on its class path, to start these JVMs and to read the results.
 */
module threadlab.grader.harness {
    requires java.management;
    requires jdk.httpserver;
    requires org.junit.jupiter.api;
    requires org.junit.platform.launcher;
    requires org.junit.platform.engine;
    requires org.junit.platform.commons;
    requires org.opentest4j;
    requires net.jqwik;
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;
    requires org.objectweb.asm.commons;
    requires com.fasterxml.jackson.databind;
    requires com.vmlens.api;
    requires static org.apiguardian.api; // @API marks: read by tools, not needed to run

    exports threadlab.grader.api;
    // The helpers an exercise pack's suites use (they sit on the class path); student code may not name them:
    // the bytecode scan rejects any use of threadlab.grader types.
    exports threadlab.grader.checks.support;
    // Woven into the student's classes by the grader; student code (the unnamed module) must be able to call it.
    exports threadlab.grader.noise;
    exports threadlab.grader.verdict to com.fasterxml.jackson.databind;
    // The benchmark API a pack's benchmark uses (it sits on the class path); student code may not name it either.
    exports threadlab.grader.benchmark;

    opens threadlab.grader.harness to com.fasterxml.jackson.databind;
    opens threadlab.grader.benchmark to com.fasterxml.jackson.databind;
    opens threadlab.grader.checks.counterlock to org.junit.platform.commons, net.jqwik.engine;
    opens threadlab.grader.checks.threadsafeset to org.junit.platform.commons, net.jqwik.engine;
    opens threadlab.grader.checks.boundedbuffer to org.junit.platform.commons, net.jqwik.engine;
    opens threadlab.grader.checks.philosophers to org.junit.platform.commons, net.jqwik.engine;
    opens threadlab.grader.checks.poolexecutor to org.junit.platform.commons, net.jqwik.engine;
    opens threadlab.grader.checks.processmap to org.junit.platform.commons, net.jqwik.engine;

    provides net.jqwik.api.lifecycle.LifecycleHook with threadlab.grader.harness.SeedFromGradingRun;
}
