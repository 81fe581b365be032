package dev.castmesh.api.cluster;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin of an http(s) URL as both sides compare them: {@code scheme://host:port}, lower case, the port always
 * written ({@code http://a} and {@code http://a:80} are one origin). Pure.
 */
public final class Origin {
    private Origin() {
    }

    /** Empty for anything but an absolute http(s) URL with a host. */
    public static Optional<String> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return of(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Empty for anything but an absolute http(s) URL with a host. */
    public static Optional<String> of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }
}
