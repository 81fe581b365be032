package dev.castmesh.controlplane.http;

import io.micronaut.http.HttpRequest;

import java.net.InetSocketAddress;

/** The client's address: the TCP peer. Forwarded headers are not trusted, so a client cannot pick its own. */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
