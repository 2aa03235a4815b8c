package threadlab.grader.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The engine that explores the thread orders of an {@link Category#INTERLEAVINGS} check. Each finds what the other
 * cannot, so a scenario names the one aimed at its bug class.
 */
@API(status = STABLE, since = "0.1")
public enum Explorer {

    /**
     * vmlens: explores the orders of the scenario's synchronization actions and reports data races under the Java
     * Memory Model (a field read or written by two threads without a lock or {@code volatile}).
     */
    VMLENS,

    /**
     * Lincheck's model checker: switches threads at every shared access, lock, wait and notify, and finds
     * deadlocks, lost wake-ups, hangs and wrong results in few runs. It does not report data races.
     */
    LINCHECK
}
