package dev.castmesh.gst.webrtc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the text form of a GstStructure ({@code name, key=(type)value, ...;}) including nested
 * structures, which appear as quoted, backslash-escaped strings. Pure; used on webrtcbin stats so no
 * JNA call is needed per field.
 */
final class GstStructureText {
    private final String name;
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private GstStructureText(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    Map<String, String> values() {
        return values;
    }

    Optional<String> value(String field) {
        return Optional.ofNullable(values.get(field));
    }

    String type(String field) {
        return types.getOrDefault(field, "");
    }

    long longValue(String field) {
        String v = values.get(field);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    Optional<GstStructureText> nested(String field) {
        String v = values.get(field);
        return v == null ? Optional.empty() : Optional.of(parse(v));
    }

    static GstStructureText parse(String text) {
        Cursor c = new Cursor(text);
        GstStructureText s = new GstStructureText(c.readName());
        while (c.skipSeparators()) {
            String key = c.readUntil('=');
            if (key.isEmpty() || !c.consume('=')) {
                break;
            }
            String type = "";
            if (c.consume('(')) {
                type = c.readUntil(')');
                c.consume(')');
            }
            s.types.put(key, type);
            s.values.put(key, c.readValue());
        }
        return s;
    }

    /** A position in the text. */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        String readName() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ';') {
                pos++;
            }
            return text.substring(start, pos).trim();
        }

        /** Skips ", " between fields; false at ';' or the end. */
        boolean skipSeparators() {
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == ';') {
                    return false;
                }
                if (ch != ',' && !Character.isWhitespace(ch)) {
                    return true;
                }
                pos++;
            }
            return false;
        }

        String readUntil(char stop) {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != stop) {
                pos++;
            }
            return text.substring(start, pos).trim();
        }

        boolean consume(char ch) {
            if (pos < text.length() && text.charAt(pos) == ch) {
                pos++;
                return true;
            }
            return false;
        }

        String readValue() {
            StringBuilder out = new StringBuilder();
            if (consume('"')) {
                while (pos < text.length()) {
                    char ch = text.charAt(pos++);
                    if (ch == '\\' && pos < text.length()) {
                        out.append(text.charAt(pos++));
                    } else if (ch == '"') {
                        break;
                    } else {
                        out.append(ch);
                    }
                }
                return out.toString();
            }
            int depth = 0;
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (depth == 0 && (ch == ',' || ch == ';')) {
                    break;
                }
                if (ch == '<' || ch == '{' || ch == '[') {
                    depth++;
                } else if (ch == '>' || ch == '}' || ch == ']') {
                    depth--;
                }
                if (ch == '\\' && pos + 1 < text.length()) {
                    pos++;
                    ch = text.charAt(pos);
                }
                out.append(ch);
                pos++;
            }
            return out.toString().trim();
        }
    }
}
