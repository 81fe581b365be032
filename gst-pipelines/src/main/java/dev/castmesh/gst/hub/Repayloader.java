package dev.castmesh.gst.hub;

import dev.castmesh.gst.runtime.Elements;
import dev.castmesh.gst.sdp.Codec;
import dev.castmesh.gst.sdp.MediaKind;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Pad;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Rewrites the publisher's payload type for every viewer that negotiated another one: raw tee →
 * leaky queue → depayloader → payloader(pt) → tee. No decoding. Built once per distinct
 * (kind, codec, payload type) and shared by all viewers with that format.
 */
final class Repayloader {
    /** What makes two viewers share a re-payloader. */
    record Key(MediaKind kind, Codec codec, int payloadType) {
    }

    private final Key key;
    private final Element rawTee;
    private final Pad rawTeePad;
    private final List<Element> chain;
    private final Element outputTee;
    private final long ssrc;
    private int users;

    private Repayloader(Key key, Element rawTee, Pad rawTeePad, List<Element> chain, Element outputTee, long ssrc) {
        this.key = key;
        this.ssrc = ssrc;
        this.rawTee = rawTee;
        this.rawTeePad = rawTeePad;
        this.chain = chain;
        this.outputTee = outputTee;
    }

    static Repayloader build(StreamGraph graph, Element rawTee, Key key, String name) {
        Element queue = Elements.leakyQueue(name + "-queue");
        Element depay = Elements.make(key.codec().depayloader(), name + "-depay");
        Element pay = Elements.make(key.codec().payloader(), name + "-pay");
        pay.set("pt", key.payloadType());
        // fixed up front, so viewer answers can declare the SSRC before the first packet (SsrcDeclaration)
        long ssrc = ThreadLocalRandom.current().nextLong(1, 0xFFFFFFFFL);
        pay.set("ssrc", (int) ssrc);
        switch (key.codec()) {
            case VP8 -> pay.setAsString("picture-id-mode", "15-bit");
            case H264 -> {
                pay.set("config-interval", -1);
                pay.setAsString("aggregate-mode", "zero-latency");
            }
            default -> { }
        }
        Element tee = Elements.tee(name + "-tee");
        for (Element e : List.of(tee, pay, depay, queue)) {
            graph.adopt(e);
        }
        if (!Element.linkMany(queue, depay, pay, tee)) {
            throw new IllegalStateException("cannot link re-payloader " + name);
        }
        Pad teePad = rawTee.getRequestPad("src_%u");
        Elements.link(teePad, queue.getStaticPad("sink"));
        return new Repayloader(key, rawTee, teePad, List.of(queue, depay, pay), tee, ssrc);
    }

    Key key() {
        return key;
    }

    /** The SSRC of the re-payloaded packets. */
    long ssrc() {
        return ssrc;
    }

    Element output() {
        return outputTee;
    }

    int users() {
        return users;
    }

    void acquire() {
        users++;
    }

    /** @return true when no viewer uses it any more */
    boolean release() {
        users--;
        return users <= 0;
    }

    /** Unlink from the raw tee, stop and remove every element, release the raw tee pad. */
    void close(StreamGraph graph) {
        Elements.guard("unlink re-payloader", () -> rawTeePad.unlink(chain.get(0).getStaticPad("sink")));
        for (Element e : chain) {
            graph.remove(e);
        }
        graph.remove(outputTee);
        Elements.guard("release tee pad", () -> rawTee.releaseRequestPad(rawTeePad));
    }
}
