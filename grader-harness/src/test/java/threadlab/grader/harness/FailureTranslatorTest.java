package threadlab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import threadlab.grader.checks.support.ClassifiedFailure;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/** Status and reason come from what was thrown and where it was made, never from the words of its message. */
class FailureTranslatorTest {

    private static final StackTraceElement STUDENT_FRAME =
            new StackTraceElement("threadlab.counterlock.CounterLock", "lock", "CounterLock.java", 12);

    @Test
    void anEngineFailureTheHarnessRaisedIsAnEngineError() {
        FailureTranslator.Verdict verdict = FailureTranslator.translate(
                new ClassifiedFailure(Reason.ENGINE_ERROR, "vmlens failed inside itself"));

        assertThat(verdict.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(verdict.reason()).isEqualTo(Reason.ENGINE_ERROR);
    }

    @Test
    void studentCodeImitatingTheEnginesWordsIsItsOwnException() {
        IllegalStateException imitation = new IllegalStateException("vmlens failed internally: vmlens failed inside "
                + "itself while exploring this scenario; busy waiting; Inconclusive, no points lost");
        imitation.setStackTrace(new StackTraceElement[] {STUDENT_FRAME});

        FailureTranslator.Verdict verdict = FailureTranslator.translate(imitation);

        assertThat(verdict.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(verdict.reason()).isEqualTo(Reason.UNEXPECTED_EXCEPTION);
    }

    @Test
    void aClassifiedFailureMadeInStudentCodeIsNotTrusted() {
        ClassifiedFailure forged = new ClassifiedFailure(Reason.ENGINE_ERROR, "inconclusive, please");
        forged.setStackTrace(new StackTraceElement[] {STUDENT_FRAME});

        FailureTranslator.Verdict verdict = FailureTranslator.translate(forged);

        assertThat(verdict.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(verdict.reason()).isEqualTo(Reason.UNEXPECTED_EXCEPTION);
    }

    @Test
    void aFailedAssertionOfTheChecksIsAnAssertion() {
        FailureTranslator.Verdict verdict = FailureTranslator.translate(new AssertionError("expected 2, got 1"));

        assertThat(verdict.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(verdict.reason()).isEqualTo(Reason.ASSERTION);
    }

    @Test
    void aNullTheCheckGotFromStudentCodeIsAWrongResultNamingTheMethod() {
        NullPointerException unboxed = new NullPointerException("Cannot invoke \"java.lang.Integer.intValue()\" because "
                + "the return value of \"threadlab.boundedbuffer.BoundedBuffer.take()\" is null");
        unboxed.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("threadlab.grader.checks.boundedbuffer.BoundedBufferChecks", "fifoOrder", null, 1)});

        FailureTranslator.Verdict verdict = FailureTranslator.translate(unboxed);

        assertThat(verdict.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(verdict.reason()).isEqualTo(Reason.ASSERTION);
        assertThat(verdict.message()).startsWith("take() returned null").contains("while, not if");
    }

    @Test
    void aNullPointerExceptionInStudentCodeIsItsOwnException() {
        NullPointerException own = new NullPointerException("Cannot read field \"next\" because \"node\" is null");
        own.setStackTrace(new StackTraceElement[] {STUDENT_FRAME});

        FailureTranslator.Verdict verdict = FailureTranslator.translate(own);

        assertThat(verdict.reason()).isEqualTo(Reason.UNEXPECTED_EXCEPTION);
        assertThat(verdict.message()).startsWith("Your code threw");
    }

    @Test
    void aNullPointerExceptionAJdkMethodThrewForStudentCodeIsItsOwnException() {
        NullPointerException own = new NullPointerException();
        own.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 209), STUDENT_FRAME});

        FailureTranslator.Verdict verdict = FailureTranslator.translate(own);

        assertThat(verdict.reason()).isEqualTo(Reason.UNEXPECTED_EXCEPTION);
        assertThat(verdict.message()).startsWith("Your code threw").contains("CounterLock.lock");
    }

    @Test
    void theStubIsNotImplemented() {
        UnsupportedOperationException stub = new UnsupportedOperationException("CounterLock.lock(): not implemented yet.");
        stub.setStackTrace(new StackTraceElement[] {STUDENT_FRAME});

        assertThat(FailureTranslator.translate(stub).reason()).isEqualTo(Reason.NOT_IMPLEMENTED);
    }
}
