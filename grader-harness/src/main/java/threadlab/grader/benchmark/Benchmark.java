package threadlab.grader.benchmark;

/**
 * The benchmark of one exercise, run by {@link BenchmarkMain} inside the sandbox with the student's classes on
 * the class path. Implementations need a public no-argument constructor.
 */
public interface Benchmark {

    /** Measures the student's implementation on {@code bench}; a failure of the student's code is recorded, not thrown. */
    void run(Bench bench) throws Exception;
}
