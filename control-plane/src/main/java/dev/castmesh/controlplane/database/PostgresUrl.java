package dev.castmesh.controlplane.database;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code postgresql://user:password@host:port/db?param=value} (or {@code postgres://}), as libpq and sqlx read it.
 * User name and password are percent-decoded, so any password works once encoded ({@code p%40ss%3Aw%2Frd%25} is
 * {@code p@ss:w/rd%}); they reach the driver as properties, never inside the JDBC URL. Several hosts
 * ({@code h1:5432,h2:5432}) and IPv6 literals ({@code [::1]:5432}) are accepted. Query parameters such as
 * {@code sslmode} are passed to the driver unchanged; {@code user} and {@code password} parameters are taken as
 * credentials. Unless the URL sets {@code connectTimeout}, the driver gets {@code connect_timeout}.
 *
 * @param hosts      {@code host[:port][,host[:port]…]}
 * @param database   database name, may be empty (the server then uses the user name)
 * @param parameters decoded query parameters for the driver
 * @param username   decoded user name or null
 * @param password   decoded password or null
 * @param masked     the URL with the password replaced by {@code ***}
 */
public record PostgresUrl(String hosts, String database, Map<String, String> parameters, String username,
                          String password, String masked) implements DatabaseUrl {

    public PostgresUrl {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static PostgresUrl parse(String url) {
        String masked = DatabaseUrl.mask(url);
        String rest = url.substring(url.indexOf(':') + 1);
        if (!rest.startsWith("//")) {
            throw new IllegalArgumentException("expected postgresql://user:password@host:port/db, got '" + masked + "'");
        }
        rest = rest.substring(2);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        // Lenient like libpq: a raw '@' or '/' in the password still works, because the host part starts after
        // the last '@' before the query. (A database name with '@' must then be percent-encoded.)
        int firstQuestion = rest.indexOf('?');
        int at = rest.lastIndexOf('@', firstQuestion < 0 ? rest.length() : firstQuestion);
        String userInfo = at < 0 ? null : rest.substring(0, at);
        int hostStart = at + 1;
        int hostEnd = endOfAuthority(rest, hostStart);
        String hosts = rest.substring(hostStart, hostEnd);
        String afterHosts = rest.substring(hostEnd);
        int question = afterHosts.indexOf('?');
        String path = question < 0 ? afterHosts : afterHosts.substring(0, question);
        String query = question < 0 ? "" : afterHosts.substring(question + 1);

        validateHosts(hosts, masked);
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name", masked);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password", masked);
        }
        String database = decode(path.startsWith("/") ? path.substring(1) : path, "database name", masked);
        if (database.contains("/")) {
            throw new IllegalArgumentException("database name must not contain '/' in '" + masked + "'");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals), "parameter name", masked);
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1), "parameter '" + key + "'", masked);
            switch (key) {
                case "user" -> username = username == null || username.isEmpty() ? value : username;
                case "password" -> password = password == null ? value : password;
                case "" -> throw new IllegalArgumentException("empty parameter name in '" + masked + "'");
                default -> parameters.put(key, value);
            }
        }
        return new PostgresUrl(hosts, database, parameters, emptyToNull(username), password, masked);
    }

    private static int endOfAuthority(String text, int from) { // first '/' or '?' at or after from
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return text.length();
    }

    private static void validateHosts(String hosts, String masked) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("missing host in '" + masked + "'");
        }
        for (String host : hosts.split(",", -1)) {
            String port = null;
            if (host.startsWith("[")) {
                int close = host.indexOf(']');
                if (close < 0 || (close + 1 < host.length() && host.charAt(close + 1) != ':')) {
                    throw new IllegalArgumentException(badHost(masked));
                }
                port = close + 1 < host.length() ? host.substring(close + 2) : null;
            } else {
                int colon = host.indexOf(':');
                if (colon >= 0) {
                    port = host.substring(colon + 1);
                    host = host.substring(0, colon);
                }
                if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
                    throw new IllegalArgumentException(badHost(masked));
                }
            }
            if (port != null && !validPort(port)) {
                throw new IllegalArgumentException(badHost(masked));
            }
        }
    }

    /** Never quotes the host text: with a malformed URL it may be a piece of the password. */
    private static String badHost(String masked) {
        return "invalid host or port in '" + masked + "' (percent-encode special characters of the user name and"
                + " password: @ as %40, : as %3A, / as %2F, ? as %3F, % as %25)";
    }

    private static boolean validPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int value = Integer.parseInt(port);
        return value >= 1 && value <= 65535;
    }

    private static String decode(String text, String what, String masked) {
        String decoded = PercentDecoding.decode(text);
        if (decoded == null) {
            throw new IllegalArgumentException("invalid percent-encoding in the " + what + " of '" + masked
                    + "' (write % as %25, @ as %40, : as %3A, / as %2F)");
        }
        return decoded;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    @Override
    public String jdbcUrl(Duration timeout) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.putIfAbsent("connectTimeout", Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000)));
        return "jdbc:postgresql://" + hosts + "/" + encode(database) + "?" + all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** pgjdbc reads the URL with {@code URLDecoder}, so the matching encoder round-trips every character. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String driverClassName() {
        return "org.postgresql.Driver";
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/postgres";
    }

    @Override
    public int poolSize(int maxConnections) {
        return maxConnections;
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + masked + "]";
    }
}
