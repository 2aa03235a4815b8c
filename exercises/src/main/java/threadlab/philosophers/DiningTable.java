package threadlab.philosophers;

/**
 * A round table of philosophers sharing forks. See {@code exercises/guides/4-philosophers.md}.
 */
public final class DiningTable {

    public DiningTable(int seats) {
        throw new UnsupportedOperationException(
                "DiningTable(seats): not implemented yet. Reject seats < 2 with IllegalArgumentException and "
                        + "create one fork per seat.");
    }

    public int seats() {
        throw new UnsupportedOperationException("DiningTable.seats(): not implemented yet. The number of seats (and forks).");
    }

    public void dine(int philosopher, Runnable meal) throws InterruptedException {
        throw new UnsupportedOperationException(
                "DiningTable.dine(philosopher, meal): not implemented yet. Take forks p and (p + 1) % seats so that "
                        + "no circular wait can form, run the meal, and put both forks down even if the meal throws.");
    }
}
