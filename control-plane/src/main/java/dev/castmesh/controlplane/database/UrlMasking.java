package dev.castmesh.controlplane.database;

import java.util.regex.Pattern;

/** Hides passwords in URLs and in texts that quote URLs (driver error messages). */
final class UrlMasking {
    /** {@code scheme://user:secret@}: the secret runs to the last {@code @} of the word, so a raw {@code @} is covered. */
    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@?#]*):\\S*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&\\s#]*");

    private UrlMasking() {
    }

    /** One URL: the password is what lies between the first ':' after {@code scheme:[//]} and the last '@' before '?'. */
    static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf(':');
        if (scheme < 0) {
            return url;
        }
        int authority = url.startsWith("//", scheme + 1) ? scheme + 3 : scheme + 1;
        int query = url.indexOf('?', authority);
        int at = url.lastIndexOf('@', query < 0 ? url.length() : query);
        int colon = url.indexOf(':', authority);
        String masked = url;
        if (at > authority && colon >= 0 && colon < at) {
            masked = url.substring(0, colon + 1) + "***" + url.substring(at);
        }
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1***");
    }

    /** Any text: every {@code scheme://user:password@} and {@code password=} value. */
    static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String masked = USERINFO.matcher(text).replaceAll("$1:***@");
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1***");
    }
}
