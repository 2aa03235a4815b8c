package threadlab.grader.runner;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;
import threadlab.grader.checks.support.HangDiagnosis;

/** Turns what a check threw into a status and a message for the student, never a raw stack trace. */
final class FailureTranslator {

    private static final int STUDENT_FRAMES_SHOWN = 5;

    private FailureTranslator() {
    }

    record Verdict(CheckStatus status, String message) {
    }

    static Verdict translate(Throwable thrown) {
        Throwable stub = notImplemented(thrown);
        if (stub != null) {
            return new Verdict(CheckStatus.FAILED, "Not implemented yet: " + stub.getMessage());
        }
        if (thrown instanceof TestAbortedException) {
            return new Verdict(CheckStatus.SKIPPED, thrown.getMessage());
        }
        if (thrown instanceof AssertionError) {
            return new Verdict(CheckStatus.FAILED, String.valueOf(thrown.getMessage()));
        }
        if (thrown instanceof LinkageError) {
            return new Verdict(CheckStatus.ERROR, "Your classes do not match the exercise's API (" + thrown
                    + "). Keep every public name and signature exactly as in the stub.");
        }
        return new Verdict(CheckStatus.ERROR, "Your code threw " + thrown + " where the check did not expect it."
                + studentFrames(thrown));
    }

    /** The stub's UnsupportedOperationException anywhere in the cause chain, thrown by student code. */
    private static Throwable notImplemented(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getStackTrace().length > 0
                    && HangDiagnosis.isStudentFrame(t.getStackTrace()[0])
                    && String.valueOf(t.getMessage()).contains("not implemented yet")) {
                return t;
            }
        }
        return null;
    }

    static String studentFrames(Throwable thrown) {
        String frames = Arrays.stream(thrown.getStackTrace())
                .filter(HangDiagnosis::isStudentFrame)
                .limit(STUDENT_FRAMES_SHOWN)
                .map(f -> "\n    at " + f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .collect(Collectors.joining());
        return frames.isEmpty() ? "" : "\n  in your code:" + frames;
    }
}
