package threadlab.grader;

import java.util.List;
import threadlab.grader.exercise.Course;
import threadlab.grader.exercise.Exercise;

/** The grader's own exercises, by name, for tests. */
public final class BuiltIn {

    public static final List<Exercise> ALL = Course.builtIn().exercises();
    public static final Exercise COUNTERLOCK = exercise("counterlock");
    public static final Exercise THREADSAFESET = exercise("threadsafeset");
    public static final Exercise BOUNDEDBUFFER = exercise("boundedbuffer");
    public static final Exercise PHILOSOPHERS = exercise("philosophers");
    public static final Exercise POOLEXECUTOR = exercise("poolexecutor");
    public static final Exercise PROCESSMAP = exercise("processmap");

    private BuiltIn() {
    }

    /** The built-in exercise called {@code id}. */
    public static Exercise exercise(String id) {
        return Course.builtIn().byId(id).orElseThrow(() -> new IllegalArgumentException("no built-in exercise " + id));
    }
}
