package threadlab.grader.benchmark;

/** One run of a workload, timed from outside. */
@FunctionalInterface
public interface Timed {
    void run() throws Exception;
}
