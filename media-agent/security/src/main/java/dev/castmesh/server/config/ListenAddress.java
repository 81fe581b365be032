package dev.castmesh.server.config;

/**
 * The {@code listen = "host:port"} value of an {@code [http]} section. Port 0 picks a free one.
 * Mistakes are {@link ConfigException}s worded {@code "listen: problem"}, so the loader names the key
 * {@code http.listen}.
 */
public final class ListenAddress {
    private ListenAddress() {
    }

    /** The part before the last colon; call {@link #port} first to check the value. */
    public static String host(String listen) {
        return listen.substring(0, listen.lastIndexOf(':'));
    }

    /** The port after the last colon, 0 to 65535. */
    public static int port(String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw new ConfigException("listen: must be host:port, got '" + listen + "'");
        }
        try {
            int port = Integer.parseInt(listen.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("listen: invalid port in '" + listen + "'");
        }
    }
}
