package threadlab.grader.harness;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;
import threadlab.grader.checks.support.ClassifiedFailure;
import threadlab.grader.checks.support.HangDiagnosis;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * Turns what a check threw into a typed status and reason, and a message for the student, never a raw stack
 * trace. Status and reason come from the type of what was thrown and where it was made, never from its message.
 */
final class FailureTranslator {

    private static final int STUDENT_FRAMES_SHOWN = 5;
    /** How the JDK's helpful NullPointerException message names a method whose result was null. */
    private static final Pattern RETURNED_NULL = Pattern.compile("the return value of \"([\\w.$]+)\\(\\)\" is null");

    private FailureTranslator() {
    }

    record Verdict(CheckStatus status, Reason reason, String message) {
    }

    static Verdict translate(Throwable thrown) {
        Throwable stub = notImplemented(thrown);
        if (stub != null) {
            return new Verdict(CheckStatus.FAILED, Reason.NOT_IMPLEMENTED, "Not implemented yet: " + stub.getMessage());
        }
        if (thrown instanceof ClassifiedFailure && madeByGrader(thrown)) {
            ClassifiedFailure classified = (ClassifiedFailure) thrown;
            CheckStatus status = classified.reason() == Reason.ENGINE_ERROR ? CheckStatus.ERROR : CheckStatus.FAILED;
            return new Verdict(status, classified.reason(), String.valueOf(thrown.getMessage()));
        }
        if (thrown instanceof TestAbortedException && madeByGrader(thrown)) {
            return new Verdict(CheckStatus.SKIPPED, Reason.NOT_APPLICABLE, thrown.getMessage());
        }
        if (thrown instanceof AssertionError && madeByGrader(thrown)) {
            return new Verdict(CheckStatus.FAILED, Reason.ASSERTION, String.valueOf(thrown.getMessage()));
        }
        if (thrown instanceof NullPointerException && thrownForTheCheck(thrown)) {
            return new Verdict(CheckStatus.FAILED, Reason.ASSERTION, nullWhereAValueIsPromised(thrown));
        }
        if (thrown instanceof LinkageError) {
            return new Verdict(CheckStatus.FAILED, Reason.API_MISMATCH, "Your classes do not match the exercise's API ("
                    + thrown + "). Keep every public name and signature exactly as in the stub.");
        }
        return new Verdict(CheckStatus.FAILED, Reason.UNEXPECTED_EXCEPTION, "Your code threw " + thrown
                + " where the check did not expect it." + studentFrames(thrown));
    }

    /**
     * The check itself stumbled on a {@code null} that a method of the student returned: a wrong result, not a crash
     * of the student's code. The JDK's own message names the method (JEP 358), which is all the student needs.
     */
    private static String nullWhereAValueIsPromised(Throwable thrown) {
        Matcher returned = RETURNED_NULL.matcher(String.valueOf(thrown.getMessage()));
        String method = returned.find() ? returned.group(1).substring(returned.group(1).lastIndexOf('.') + 1) + "()"
                : "A method of yours";
        return method + " returned null where the exercise promises a value. A blocking method that returns "
                + "without a value has most often gone on after a wake-up without checking its condition again "
                + "(while, not if, around a wait).";
    }

    /**
     * Whether the first ThreadLab frame is the grader's: the check (or the JDK on its behalf) met the null, not the
     * student's code, even where a JDK method the student called made the exception.
     */
    private static boolean thrownForTheCheck(Throwable thrown) {
        return Arrays.stream(thrown.getStackTrace()).filter(frame -> frame.getClassName().startsWith("threadlab."))
                .findFirst().map(frame -> !HangDiagnosis.isStudentFrame(frame)).orElse(false);
    }

    /**
     * Whether the throwable was created in the grader's code, not the student's: the frame that created it is not
     * a student frame. Student code that throws an assertion or a skip of its own gets no verdict of the grader's.
     */
    private static boolean madeByGrader(Throwable thrown) {
        StackTraceElement[] trace = thrown.getStackTrace();
        return trace.length > 0 && !HangDiagnosis.isStudentFrame(trace[0]);
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
