package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The benchmark of one exercise, run by {@link BenchmarkMain} inside the sandbox with the student's classes on
 * the class path. Implementations need a public no-argument constructor.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface Benchmark {

    /** Measures the student's implementation on {@code bench}; a failure of the student's code is recorded, not thrown. */
    void run(Bench bench) throws Exception;
}
