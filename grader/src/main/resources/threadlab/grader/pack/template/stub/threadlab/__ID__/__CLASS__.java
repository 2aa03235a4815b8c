package threadlab.__ID__;

import java.util.concurrent.TimeUnit;

/** A gate that opens once: threads wait in await() until some thread calls open(). */
public final class __CLASS__ {

    public __CLASS__() {
        throw new UnsupportedOperationException("__CLASS__(): not implemented yet. Start closed.");
    }

    public void open() {
        throw new UnsupportedOperationException(
                "__CLASS__.open(): not implemented yet. Open the gate and wake every waiting thread.");
    }

    public boolean isOpen() {
        throw new UnsupportedOperationException("__CLASS__.isOpen(): not implemented yet.");
    }

    public void await() throws InterruptedException {
        throw new UnsupportedOperationException(
                "__CLASS__.await(): not implemented yet. Wait (in a while loop) until the gate is open.");
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException(
                "__CLASS__.await(timeout, unit): not implemented yet. Like await(), giving up after the timeout.");
    }
}
