package dev.castmesh.api.http;

/** Path builders of the agent API (DESIGN.md); stream and session are single, URL-unreserved segments. */
public final class ApiPaths {
    private ApiPaths() {
    }

    public static String whip(String stream) {
        return "/whip/" + stream;
    }

    public static String whep(String stream) {
        return "/whep/" + stream;
    }

    public static String session(String stream, String session) {
        return "/session/" + stream + "/" + session;
    }

    public static String stream(String stream) {
        return "/api/streams/" + stream;
    }
}
