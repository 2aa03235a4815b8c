package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** One run of a workload, timed from outside. */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.2")
public interface Timed {
    void run() throws Exception;
}
