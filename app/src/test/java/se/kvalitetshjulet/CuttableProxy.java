package se.kvalitetshjulet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy in front of the test PostgreSQL server whose "network" a test can cut and restore: {@link #cut()}
 * drops every connection and refuses new ones (as a laptop that lost its network sees it), {@link #restore()} listens
 * on the same port again.
 */
public final class CuttableProxy implements AutoCloseable {
    private final int target;
    private final int port;
    private final List<Socket> sockets = new ArrayList<>();
    private ServerSocket server;

    public CuttableProxy(int target) throws IOException {
        this.target = target;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    public int port() {
        return port;
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void accept(ServerSocket s) {
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    synchronized (sockets) {
                        sockets.add(client);
                        sockets.add(upstream);
                    }
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "test-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "test-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    /** Drops every connection and refuses new ones. */
    public synchronized void cut() {
        closeQuietly(server);
        synchronized (sockets) {
            sockets.forEach(CuttableProxy::closeQuietly);
            sockets.clear();
        }
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() throws IOException {
        server = listen(port);
        accept(server);
    }

    @Override
    public void close() {
        cut();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
