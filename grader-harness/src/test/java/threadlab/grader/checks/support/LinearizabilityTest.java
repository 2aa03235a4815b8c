package threadlab.grader.checks.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import threadlab.grader.checks.support.Linearizability.Call;
import threadlab.grader.checks.support.Linearizability.Operation;
import threadlab.grader.checks.support.Linearizability.Step;

/** The linearizability checker itself, on histories whose verdict is known. */
class LinearizabilityTest {

    /** A register holding one integer: write(v) returns null, read() returns the value. */
    enum Register implements Linearizability.Model<Integer> {
        INSTANCE;

        @Override
        public Integer initial() {
            return 0;
        }

        @Override
        public Step<Integer> apply(Integer state, Call call) {
            return call.method().equals("write") ? new Step<>((Integer) call.argument(), null) : new Step<>(state, state);
        }
    }

    private static Operation op(String thread, String method, Object arg, Object result, long start, long end) {
        return new Operation(thread, new Call(method, arg), result, start, end);
    }

    @Test
    void overlappingOperationsMayTakeEffectInEitherOrder() {
        // A writes 1 while B reads; B may see 0 or 1.
        List<Operation> sawOld = List.of(op("A", "write", 1, null, 0, 10), op("B", "read", null, 0, 5, 15));
        List<Operation> sawNew = List.of(op("A", "write", 1, null, 0, 10), op("B", "read", null, 1, 5, 15));
        assertThat(Linearizability.witness(sawOld, Register.INSTANCE)).isPresent();
        assertThat(Linearizability.witness(sawNew, Register.INSTANCE)).isPresent();
    }

    @Test
    void aReadAfterACompletedWriteMustSeeIt() {
        List<Operation> stale = List.of(op("A", "write", 1, null, 0, 10), op("B", "read", null, 0, 20, 30));
        assertThat(Linearizability.witness(stale, Register.INSTANCE)).isEmpty();
    }

    @Test
    void findsTheOrderThatExplainsAnInterleavedHistory() {
        List<Operation> history = List.of(
                op("A", "write", 1, null, 0, 100),
                op("B", "write", 2, null, 10, 20),
                op("C", "read", null, 2, 30, 40),
                op("C", "read", null, 1, 50, 60));
        assertThat(Linearizability.witness(history, Register.INSTANCE)).hasValueSatisfying(order ->
                assertThat(order).extracting(o -> o.call().toString()).containsExactly("write(2)", "read()", "write(1)", "read()"));
    }

    @Test
    void rejectsAValueThatWasNeverWritten() {
        List<Operation> history = List.of(op("A", "write", 1, null, 0, 10), op("B", "read", null, 7, 0, 10));
        assertThat(Linearizability.witness(history, Register.INSTANCE)).isEmpty();
    }

    @Test
    void rejectsTwoSuccessfulAddsOfTheSameElementOnASet() {
        // The classic check-then-act outcome: both add(1) report a new element.
        Linearizability.Model<Integer> set = new Linearizability.Model<>() {
            @Override
            public Integer initial() {
                return 0;
            }

            @Override
            public Step<Integer> apply(Integer state, Call call) {
                int bit = 1 << (Integer) call.argument();
                return new Step<>(state | bit, (state & bit) == 0);
            }
        };
        List<Operation> history = List.of(op("A", "add", 1, true, 0, 10), op("B", "add", 1, true, 5, 15));
        assertThat(Linearizability.witness(history, set)).isEmpty();
        assertThat(Linearizability.describe(history)).contains("A").contains("add(1)").contains("true");
    }
}
