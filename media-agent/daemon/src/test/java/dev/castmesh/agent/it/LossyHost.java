package dev.castmesh.agent.it;

import dev.castmesh.agent.it.loss.PacketLoss;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The set-up the loss ITs share: two throw-away users, one for the agents ({@code castmesh-loss-a}) and one for
 * the publishers ({@code castmesh-loss-b}), whose UDP {@link PacketLoss} impairs on arrival, and the agent JVMs
 * started as the first. Peers run as root (the viewers) are never impaired. {@link #close()} stops the agents,
 * deletes the users' homes and the nftables table, each step on its own, so one failing does not leave the rest
 * behind.
 *
 * <p>Two runs on one machine must not share the users (each would drop the other's packets; PacketLoss refuses to
 * start then): {@value #USERS}{@code =AGENT,PUBLISHER} gives a run other ones.
 */
final class LossyHost implements AutoCloseable {
    static final String USERS = "castmesh.loss.users";
    private static final List<String> DEFAULT_USERS = List.of("castmesh-loss-a", "castmesh-loss-b");

    private final PacketLoss loss;
    private final RunAs agentUser;
    private final RunAs publisherUser;
    private final List<AgentProcess> agents = new ArrayList<>();

    private LossyHost(PacketLoss loss, RunAs agentUser, RunAs publisherUser) {
        this.loss = loss;
        this.agentUser = agentUser;
        this.publisherUser = publisherUser;
    }

    /** Both users' packets impaired: the publisher → agent leg and every leg an agent sends on. */
    static LossyHost bothLegs() throws IOException {
        List<String> users = users();
        return start(PacketLoss.start(users.get(0), users.get(1)), users);
    }

    /** Only the publishers' packets impaired (what agents send arrives whole). */
    static LossyHost publisherLegOnly() throws IOException {
        List<String> users = users();
        return start(PacketLoss.start(users.get(1)), users);
    }

    private static List<String> users() {
        String value = System.getProperty(USERS);
        if (value == null || value.isBlank()) {
            return DEFAULT_USERS;
        }
        List<String> users = List.of(value.strip().split("\\s*,\\s*"));
        if (users.size() != 2 || users.get(0).equals(users.get(1))) {
            throw new IllegalArgumentException(USERS + " must name two users, AGENT,PUBLISHER; got '" + value + "'");
        }
        return users;
    }

    private static LossyHost start(PacketLoss loss, List<String> users) throws IOException {
        RunAs agentUser = null;
        try {
            agentUser = RunAs.user(users.get(0));
            return new LossyHost(loss, agentUser, RunAs.user(users.get(1)));
        } catch (IOException | RuntimeException e) {
            if (agentUser != null) {
                agentUser.close();
            }
            loss.close();
            throw e;
        }
    }

    PacketLoss loss() {
        return loss;
    }

    /**
     * An agent JVM run as the agents' user (see {@link AgentProcess#startAs}); stopped by {@link #close()}. It may
     * cascade from the other loopback agents of the test (a standalone agent cascades only from allowed origins).
     */
    AgentProcess agent(String alias, Path dir) throws Exception {
        AgentProcess agent = AgentProcess.startAs(agentUser, alias, dir, "[cascade]\nallow = [\"http://127.0.0.1:*\"]\n");
        agents.add(agent);
        return agent;
    }

    /** {@code chromium-publish.mjs} (fake camera) as the publishers' user, publishing {@code codec} to {@code whipUrl}. */
    Peer chromiumPublisher(String whipUrl, String codec, int seconds) throws IOException {
        return Peer.startAs(publisherUser, "chromium-publish.mjs", whipUrl, "--codec", codec,
                "--duration", String.valueOf(seconds));
    }

    @Override
    public void close() {
        List<AutoCloseable> steps = new ArrayList<>(agents);
        Collections.reverse(steps);
        steps.addAll(List.of(publisherUser, agentUser, loss));
        for (AutoCloseable step : steps) {
            try {
                step.close();
            } catch (Exception e) {
                System.err.println("LossyHost: closing " + step + " failed: " + e);
            }
        }
    }
}
