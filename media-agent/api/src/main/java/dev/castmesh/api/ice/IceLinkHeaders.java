package dev.castmesh.api.ice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICE servers as WHIP/WHEP {@code Link} header values (RFC 9725 section 4.6):
 * {@code <turn:turn.example.net?transport=udp>; rel="ice-server"; username="user"; credential="pass"; credential-type="password"}.
 * One value per URL, so clients that read one URL per link work.
 */
public final class IceLinkHeaders {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[a-zA-Z-]+\\s*=\\s*(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^;,\\s]*))*)");
    private static final Pattern PARAM = Pattern.compile(";\\s*([a-zA-Z-]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^;,\\s]*)");

    private IceLinkHeaders() {
    }

    public static List<String> format(List<IceServer> servers) {
        List<String> values = new ArrayList<>();
        for (IceServer server : servers) {
            for (String url : server.urls()) {
                StringBuilder value = new StringBuilder("<").append(url).append(">; rel=\"ice-server\"");
                if (server.hasCredentials()) {
                    value.append("; username=").append(quote(server.username()))
                            .append("; credential=").append(quote(server.credential()))
                            .append("; credential-type=\"password\"");
                }
                values.add(value.toString());
            }
        }
        return values;
    }

    /** Reads the {@code rel="ice-server"} links of one or more {@code Link} header values; other links are skipped. */
    public static List<IceServer> parse(List<String> headerValues) {
        List<IceServer> servers = new ArrayList<>();
        for (String header : headerValues) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                String url = link.group(1).trim();
                String rel = null;
                String username = null;
                String credential = null;
                Matcher param = PARAM.matcher(link.group(2));
                while (param.find()) {
                    String value = unquote(param.group(2));
                    switch (param.group(1).toLowerCase(java.util.Locale.ROOT)) {
                        case "rel" -> rel = value;
                        case "username" -> username = value;
                        case "credential" -> credential = value;
                        default -> { }
                    }
                }
                if ("ice-server".equals(rel)) {
                    servers.add(new IceServer(List.of(url), username, credential));
                }
            }
        }
        return servers;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }
}
