package dev.castmesh.controlplane.ice;

import dev.castmesh.api.ice.IceServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IceMergeTest {
    private static final IceServer AGENT = IceServer.stun("stun:agent.example:3478");
    private static final IceServer STATIC = new IceServer(List.of("turn:turn.example:3478"), "u", "p");
    private static final IceServer COTURN = new IceServer(List.of("turn:coturn.example:3478"), "1795225846", "c");
    private static final IceServer CLOUDFLARE = new IceServer(List.of("turn:turn.cloudflare.com:3478?transport=udp"), "cu", "cc");

    @Test
    void agentThenStaticThenCoturnThenCloudflare() {
        assertEquals(List.of(AGENT, STATIC, COTURN, CLOUDFLARE),
                IceMerge.merge(List.of(AGENT), false, List.of(STATIC), List.of(COTURN), List.of(CLOUDFLARE)));
    }

    @Test
    void overrideDropsTheAgentsServers() {
        assertEquals(List.of(STATIC, COTURN, CLOUDFLARE),
                IceMerge.merge(List.of(AGENT), true, List.of(STATIC), List.of(COTURN), List.of(CLOUDFLARE)));
    }

    @Test
    void duplicatesAreDroppedAndEmptySourcesAreFine() {
        assertEquals(List.of(STATIC, AGENT),
                IceMerge.merge(List.of(STATIC), false, List.of(STATIC, AGENT), List.of(), List.of(AGENT)));
        assertEquals(List.of(), IceMerge.merge(List.of(), false, List.of(), List.of(), List.of()));
        assertEquals(List.of(), IceMerge.merge(List.of(AGENT), true, List.of(), List.of(), List.of()));
    }

    @Test
    void sameUrlWithOtherCredentialsIsKept() {
        IceServer other = new IceServer(STATIC.urls(), "u2", "p2");
        assertEquals(List.of(STATIC, other), IceMerge.merge(List.of(STATIC), false, List.of(other), List.of(), List.of()));
    }
}
