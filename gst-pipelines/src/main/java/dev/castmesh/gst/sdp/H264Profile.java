package dev.castmesh.gst.sdp;

import java.util.Locale;

/**
 * The H.264 profile named by an SDP {@code profile-level-id} (RFC 6184, section 8.1), reduced to what
 * the forwarding decision needs.
 */
public enum H264Profile {
    CONSTRAINED_BASELINE, BASELINE, MAIN, HIGH, OTHER;

    /** RFC 6184 default when {@code profile-level-id} is absent: 42000A, Baseline. */
    public static final String DEFAULT_PROFILE_LEVEL_ID = "42000a";

    public static H264Profile of(RtpFormat format) {
        return parse(format.fmtp("profile-level-id").orElse(DEFAULT_PROFILE_LEVEL_ID));
    }

    public static H264Profile parse(String profileLevelId) {
        String id = profileLevelId.trim().toLowerCase(Locale.ROOT);
        if (id.length() != 6) {
            return OTHER;
        }
        int profileIdc;
        int constraints;
        try {
            profileIdc = Integer.parseInt(id.substring(0, 2), 16);
            constraints = Integer.parseInt(id.substring(2, 4), 16);
        } catch (NumberFormatException e) {
            return OTHER;
        }
        boolean set0 = (constraints & 0x80) != 0;
        boolean set1 = (constraints & 0x40) != 0;
        return switch (profileIdc) {
            case 0x42 -> set1 ? CONSTRAINED_BASELINE : BASELINE;
            case 0x4d -> set0 ? CONSTRAINED_BASELINE : MAIN;
            case 0x58 -> set0 && set1 ? CONSTRAINED_BASELINE : OTHER;
            case 0x64 -> HIGH;
            default -> OTHER;
        };
    }

    /** Whether a publisher may send this profile through the engine. */
    public boolean publishable() {
        return this == CONSTRAINED_BASELINE || this == MAIN;
    }

    /** Whether a receiver that offered {@code receiver} can decode a stream of this profile. */
    public boolean decodableBy(H264Profile receiver) {
        return switch (this) {
            case CONSTRAINED_BASELINE -> receiver != OTHER;
            case MAIN -> receiver == MAIN || receiver == HIGH;
            default -> false;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
