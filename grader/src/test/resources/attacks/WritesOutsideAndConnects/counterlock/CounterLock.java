package threadlab.counterlock;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Attack: writes a file outside its folder and connects to a port on this machine, from the constructor. */
public final class CounterLock {

    public CounterLock() {
        try {
            Files.writeString(Path.of("@MARKER@"), "written by student code");
        } catch (Exception e) {
            System.out.println("ATTACK could not write: " + e);
        }
        try (Socket socket = new Socket("127.0.0.1", @PORT@)) {
            socket.getOutputStream().write(42);
        } catch (Exception e) {
            System.out.println("ATTACK could not connect: " + e);
        }
        throw new UnsupportedOperationException("CounterLock(): not implemented yet.");
    }

    public void lock() {
    }

    public boolean tryLock() {
        return true;
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        return true;
    }

    public void unlock() {
    }

    public boolean isLocked() {
        return false;
    }

    public boolean isHeldByCurrentThread() {
        return false;
    }
}
