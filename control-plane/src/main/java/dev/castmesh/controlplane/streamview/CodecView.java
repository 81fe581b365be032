package dev.castmesh.controlplane.streamview;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Locale;
import java.util.Optional;

/**
 * A codec of a stream as Liveman lists it.
 *
 * @param kind  {@code video} or {@code audio}
 * @param codec the encoding name, lower case ({@code vp8}, {@code h264}, {@code opus})
 * @param fmtp  format parameters; "" (our agents do not report them)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CodecView(String kind, String codec, String fmtp) {

    /**
     * From an agent's codec text {@code NAME/clock[/channels][ pt=N]} ({@code VP8/90000}, {@code OPUS/48000/2}): a
     * 90 kHz clock is video, anything else audio. Empty for text of another form.
     */
    public static Optional<CodecView> ofAgent(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String format = text.strip().split(" ", 2)[0];
        String[] parts = format.split("/");
        if (parts.length < 2 || parts[0].isEmpty() || !parts[1].chars().allMatch(Character::isDigit) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        String kind = parts[1].equals("90000") ? "video" : "audio";
        return Optional.of(new CodecView(kind, parts[0].toLowerCase(Locale.ROOT), ""));
    }
}
