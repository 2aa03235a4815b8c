package threadlab.grader.checks.processmap;

import java.util.List;
import threadlab.processmap.ProcessMap;

/** A program that uses a ProcessMap and forgets to close it; it must still be able to exit. */
public final class UnclosedProcessMap {

    static final String DONE = "map finished";

    private UnclosedProcessMap() {
    }

    public static void main(String[] args) throws Exception {
        ProcessMap map = new ProcessMap(2);
        List<Integer> results = map.map(x -> x + 1, List.of(1, 2, 3, 4), 1);
        System.out.println(DONE + ": " + results);
    }
}
