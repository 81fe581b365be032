package dev.castmesh.gst.it;

import dev.castmesh.gst.hub.MediaEngine;

import java.io.IOException;

/** Access for tests in other packages to the WHIP/WHEP test server. */
public final class TestServers {
    private TestServers() {
    }

    public static AutoCloseable whipWhep(MediaEngine engine, String token) throws IOException {
        return new WhipWhepTestServer(engine, token);
    }

    public static java.util.List<String> viewerAnswers(AutoCloseable server) {
        return ((WhipWhepTestServer) server).viewerAnswers();
    }

    public static String url(AutoCloseable server, String path) {
        return ((WhipWhepTestServer) server).url(path);
    }
}
