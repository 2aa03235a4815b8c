package threadlab.processmap;

/**
 * The main class of a worker process. See {@code exercises/guides/6-processmap.md}.
 */
public final class Worker {

    private Worker() {
    }

    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException(
                "Worker.main: not implemented yet. Read chunks from System.in, apply the function, write the "
                        + "results to System.out, and exit when System.in closes.");
    }
}
