package threadlab.barrier;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Attack, in an exercise pack's exercise (whose suites share the class path with it): the same as
 * ReflectsIntoTheHarness — the watchdog thread, its results channel through sun.misc.Unsafe and reflection, sealed
 * "passed" records, then a halt.
 */
public final class Barrier {

    static {
        try {
            Thread watchdog = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("threadlab-grader-watchdog")).findFirst().orElseThrow();
            System.out.println("ATTACK found the watchdog thread");
            Class<?> unsafeType = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeType.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Object unsafe = theUnsafe.get(null);
            long offset = (long) unsafeType.getMethod("objectFieldOffset", Field.class)
                    .invoke(unsafe, Thread.class.getDeclaredField("target"));
            Object task = unsafeType.getMethod("getObject", Object.class, long.class).invoke(unsafe, watchdog, offset);
            Field captured = task.getClass().getDeclaredFields()[0];
            captured.setAccessible(true);
            Object dog = captured.get(task);
            Field logField = dog.getClass().getDeclaredField("log");
            logField.setAccessible(true);
            Object channel = logField.get(dog);
            Class<?> eventType = Class.forName("threadlab.grader.harness.CheckEvent");
            Method write = channel.getClass().getDeclaredMethod("write", eventType);
            write.setAccessible(true);
            Method started = eventType.getDeclaredMethod("started", String.class);
            started.setAccessible(true);
            Class<?> status = Class.forName("threadlab.grader.verdict.CheckStatus");
            Class<?> reason = Class.forName("threadlab.grader.verdict.Reason");
            Method finished = eventType.getDeclaredMethod("finished", String.class, status, reason, String.class, long.class);
            finished.setAccessible(true);
            Method completed = eventType.getDeclaredMethod("completed");
            completed.setAccessible(true);
            String[] words = System.getProperty("sun.java.command", "").split(" ");
            Object passed = status.getMethod("valueOf", String.class).invoke(null, "PASSED");
            Object none = reason.getMethod("valueOf", String.class).invoke(null, "NONE");
            boolean first = true;
            for (int i = 4; i < words.length; i++) {
                if (!first) {
                    write.invoke(channel, started.invoke(null, words[i]));
                }
                write.invoke(channel, finished.invoke(null, words[i], passed, none, null, 1L));
                first = false;
            }
            write.invoke(channel, completed.invoke(null));
            System.out.println("ATTACK wrote sealed records");
            Runtime.getRuntime().halt(0);
        } catch (Throwable blocked) {
            System.out.println("ATTACK blocked: " + blocked);
        }
    }


    public Barrier(int parties) {
        throw new UnsupportedOperationException(
                "Barrier(parties): not implemented yet. Reject parties < 1, then keep the count of arrivals and the "
                        + "current generation.");
    }

    public int parties() {
        throw new UnsupportedOperationException("Barrier.parties(): not implemented yet.");
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        throw new UnsupportedOperationException(
                "Barrier.await(): not implemented yet. Count the arrival; the last one trips the barrier and wakes "
                        + "everybody, the others wait in a loop until their generation has tripped or broken.");
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        throw new UnsupportedOperationException(
                "Barrier.await(timeout, unit): not implemented yet. Like await(), but a wait past the timeout breaks "
                        + "the barrier and throws TimeoutException.");
    }

    public int waiting() {
        throw new UnsupportedOperationException("Barrier.waiting(): not implemented yet.");
    }

    public boolean isBroken() {
        throw new UnsupportedOperationException("Barrier.isBroken(): not implemented yet.");
    }

    public void reset() {
        throw new UnsupportedOperationException(
                "Barrier.reset(): not implemented yet. Break the current generation (its waiters get "
                        + "BrokenBarrierException), then start a fresh one.");
    }

    public void abort() {
        throw new UnsupportedOperationException("Barrier.abort(): not implemented yet. Break the barrier.");
    }
}
