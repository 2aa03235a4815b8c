package threadlab.processmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProcessMapTest {

    private final ProcessMap map = new ProcessMap(2);

    @AfterEach
    void closeAndCheckNoChildSurvives() {
        map.close();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).collect(Collectors.toList()))
                .as("live descendants after close()").isEmpty();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new ProcessMap(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> map.map(x -> x, List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(map.processes()).isEqualTo(2);
    }

    @Test
    void resultsComeBackInInputOrderFromChildProcesses() throws Exception {
        List<Integer> items = IntStream.range(0, 200).boxed().collect(Collectors.toList());
        List<Long> squaresAndPids = map.map(x -> (long) x * x, items, 7);
        assertThat(squaresAndPids).isEqualTo(items.stream().map(x -> (long) x * x).collect(Collectors.toList()));

        List<Long> pids = map.map(x -> ProcessHandle.current().pid(), items);
        Set<Long> distinct = new HashSet<>(pids);
        assertThat(distinct).doesNotContain(ProcessHandle.current().pid()).hasSizeBetween(1, 2);
    }

    @Test
    void anExceptionInTheFunctionComesBackWithItsClassAndMessage() {
        assertThatThrownBy(() -> map.map(x -> {
            if (x == 3) {
                throw new ArithmeticException("cannot handle " + x);
            }
            return x;
        }, List.of(1, 2, 3, 4, 5), 2))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ArithmeticException.class).hasMessage("cannot handle 3");
    }

    @Test
    @Timeout(20)
    void aWorkerThatExitsIsReportedAsCrashedAndTheMapRecovers() throws Exception {
        assertThatThrownBy(() -> map.map(x -> {
            if (x == 2) {
                Runtime.getRuntime().halt(3);
            }
            return x;
        }, List.of(1, 2, 3), 1))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WorkerCrashedException.class);
        assertThat(map.map(x -> x + 1, List.of(1, 2, 3))).containsExactly(2, 3, 4);
    }
}
