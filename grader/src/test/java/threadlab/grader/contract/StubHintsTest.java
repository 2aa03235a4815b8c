package threadlab.grader.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.ProjectLayout;
import threadlab.grader.compile.SourceCompiler;

/**
 * Every stub a student starts from throws {@link UnsupportedOperationException} with a specific hint
 * that names the member, never a bare "TODO". This describes the pristine stubs: a student who has
 * started implementing will see it fail, which is expected.
 */
@DisplayName("Every stub throws a helpful UnsupportedOperationException")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StubHintsTest {

    /** Classes students get complete: they have nothing to implement. */
    private static final Set<String> COMPLETE_AS_GIVEN = Set.of(
            "threadlab.boundedbuffer.BufferClosedException", "threadlab.processmap.RemoteFunction",
            "threadlab.processmap.WorkerCrashedException");

    @TempDir
    static Path classes;
    private URLClassLoader loader;

    @BeforeAll
    void compileStubs() throws Exception {
        assertThat(new SourceCompiler().compileTree(ProjectLayout.exerciseSources(), classes).success()).isTrue();
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()});
    }

    @TestFactory
    Stream<DynamicTest> everyPublicMemberThrowsAHint() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String typeLine : typeNames()) {
            Class<?> type = Class.forName(typeLine, false, loader);
            for (Constructor<?> c : type.getConstructors()) {
                tests.add(DynamicTest.dynamicTest(c.toString(), () -> assertHint(c, () -> c.newInstance(defaults(c)))));
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    tests.add(DynamicTest.dynamicTest(m.toString(),
                            () -> assertHint(m, () -> m.invoke(instanceWithoutConstructor(type, m), defaults(m)))));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(50);
        return tests.stream();
    }

    private List<String> typeNames() {
        List<String> names = new ArrayList<>();
        for (String line : ApiContract.load().describeAll(classes)) {
            if (!line.startsWith(" ")) {
                String name = line.replaceAll(".* (threadlab\\.[\\w.]+).*", "$1");
                if (!COMPLETE_AS_GIVEN.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static void assertHint(Executable member, ReflectiveCall call) throws Exception {
        try {
            call.run();
            fail("%s returned normally instead of throwing UnsupportedOperationException", member);
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).isInstanceOf(UnsupportedOperationException.class);
            String name = member instanceof Constructor ? member.getDeclaringClass().getSimpleName() : member.getName();
            assertThat(e.getCause().getMessage())
                    .contains(name)
                    .contains("not implemented yet")
                    .doesNotContainIgnoringCase("todo")
                    .hasSizeGreaterThan(name.length() + 40);
        }
    }

    private static Object[] defaults(Executable member) {
        return Stream.of(member.getParameterTypes()).map(StubHintsTest::defaultValue).toArray();
    }

    private static Object defaultValue(Class<?> type) {
        if (type == int.class) {
            return 1;
        } else if (type == long.class) {
            return 1L;
        } else if (type == boolean.class) {
            return false;
        }
        return null;
    }

    /** Stub constructors throw too, so instances for method calls are made without running one. */
    private static Object instanceWithoutConstructor(Class<?> type, Method m) throws Exception {
        if (Modifier.isStatic(m.getModifiers())) {
            return null;
        }
        Class<?> unsafeType = Class.forName("sun.misc.Unsafe");
        Field theUnsafe = unsafeType.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        return unsafeType.getMethod("allocateInstance", Class.class).invoke(theUnsafe.get(null), type);
    }

    @FunctionalInterface
    private interface ReflectiveCall {
        void run() throws Exception;
    }
}
