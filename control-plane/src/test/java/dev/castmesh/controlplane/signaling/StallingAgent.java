package dev.castmesh.controlplane.signaling;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP listener that misbehaves as a stalled or flooding agent would: it reads the request head, answers
 * the status line and headers at once (a 201 with a large {@code Content-Length}), and then either trickles one
 * body byte every {@code trickleMillis}, or (flood) sends {@code floodBytes} as fast as the peer takes them.
 * {@link #open()} counts the connections still being written to; a connection whose peer went away ends at the
 * next write.
 */
final class StallingAgent implements AutoCloseable {
    private final ServerSocket server;
    private final long trickleMillis;
    private final long floodBytes;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    private StallingAgent(long trickleMillis, long floodBytes) throws IOException {
        this.trickleMillis = trickleMillis;
        this.floodBytes = floodBytes;
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "stalling-agent");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static StallingAgent trickling(long millisPerByte) throws IOException {
        return new StallingAgent(millisPerByte, 0);
    }

    static StallingAgent flooding(long bytes) throws IOException {
        return new StallingAgent(0, bytes);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int open() {
        return open.get();
    }

    int accepted() {
        return accepted.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                Thread connection = new Thread(() -> serve(socket), "stalling-agent-conn");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        open.incrementAndGet();
        try (socket) {
            readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            long length = floodBytes > 0 ? floodBytes : 100_000;
            out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/sdp\r\nLocation: /session/cam/s1\r\n"
                    + (floodBytes > 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (floodBytes > 0) {
                byte[] chunk = new byte[16 * 1024];
                String size = Integer.toHexString(chunk.length) + "\r\n";
                for (long sent = 0; sent < floodBytes; sent += chunk.length) {
                    out.write(size.getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.getInputStream().read();
                return;
            }
            for (long sent = 0; sent < length; sent++) {
                out.write('v');
                out.flush();
                Thread.sleep(trickleMillis);
            }
        } catch (IOException | InterruptedException peerGone) {
            // the control plane cut the exchange off
        } finally {
            open.decrementAndGet();
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
