package threadlab.grader.benchmark;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import com.sun.net.httpserver.HttpServer;
import org.apiguardian.api.API;

/**
 * The I/O-bound workload: an HTTP server on the loopback interface that answers every request after a fixed
 * latency, like a slow image server, and a client that downloads one "image" from it. A thread waiting for
 * the answer burns no CPU, so many such downloads overlap however few CPUs there are. Works with the network
 * off: only loopback is used.
 */
@API(status = INTERNAL, since = "0.2")
public final class LatencyServer implements AutoCloseable {

    private static final int ITEM_BYTES = 4_096;

    private final HttpServer server;
    private final ExecutorService handlers;

    private LatencyServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** Starts a server whose every answer takes {@code latencyMillis}. */
    public static LatencyServer start(int latencyMillis) throws IOException {
        // Without it the answer's header and body wait for a delayed ACK: 40 ms more per download.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        byte[] item = new byte[ITEM_BYTES];
        server.createContext("/item", exchange -> {
            try (exchange) {
                Thread.sleep(latencyMillis);
                exchange.sendResponseHeaders(200, item.length);
                exchange.getResponseBody().write(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ExecutorService handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "latency-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.start();
        return new LatencyServer(server, handlers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Downloads item {@code id} from the server on {@code port}; returns its size in bytes. */
    public static int fetch(int port, int id) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/item?id=" + id).openConnection();
            try (InputStream in = connection.getInputStream()) {
                return in.readAllBytes().length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
