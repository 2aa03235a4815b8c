package threadlab.philosophers;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A round table where each philosopher needs the fork on each side to eat.
 *
 * <p>Deadlock needs four conditions at once: mutual exclusion, hold-and-wait, no preemption and a
 * circular wait. This table breaks the circular wait by <em>resource ordering</em>: every
 * philosopher picks up the lower-numbered of their two forks first. The last philosopher, whose forks
 * are {@code seats-1} and {@code 0}, therefore reaches for fork 0 first like their neighbour, so no
 * cycle of "holds one, waits for the next" can close around the table.
 *
 * <p>Forks are fair locks: a philosopher waiting for a fork gets it before anyone who asks later, which
 * keeps any one philosopher from starving while the others eat again and again.
 */
public final class DiningTable {

    private final ReentrantLock[] forks;

    public DiningTable(int seats) {
        if (seats < 2) {
            throw new IllegalArgumentException("a table needs at least 2 seats, was " + seats);
        }
        forks = new ReentrantLock[seats];
        for (int i = 0; i < seats; i++) {
            forks[i] = new ReentrantLock(true);
        }
    }

    public int seats() {
        return forks.length;
    }

    public void dine(int philosopher, Runnable meal) throws InterruptedException {
        Objects.checkIndex(philosopher, forks.length);
        Objects.requireNonNull(meal, "meal");
        int left = philosopher;
        int right = (philosopher + 1) % forks.length;
        ReentrantLock first = forks[Math.min(left, right)];
        ReentrantLock second = forks[Math.max(left, right)];

        first.lockInterruptibly();
        try {
            second.lockInterruptibly();
            try {
                meal.run();
            } finally {
                second.unlock(); // put the forks down even when the meal throws
            }
        } finally {
            first.unlock();
        }
    }
}
