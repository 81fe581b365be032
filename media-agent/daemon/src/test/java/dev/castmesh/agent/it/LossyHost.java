package dev.castmesh.agent.it;

import dev.castmesh.agent.it.loss.PacketLoss;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The set-up the loss ITs share: the throw-away users {@value #AGENT_USER} (agents) and {@value #PUBLISHER_USER}
 * (publishers), whose UDP {@link PacketLoss} impairs on arrival, and the agent JVMs started as the first. Peers run
 * as root (the viewers) are never impaired. {@link #close()} stops the agents, deletes the users' homes and the
 * nftables table, each step on its own, so one failing does not leave the rest behind.
 */
final class LossyHost implements AutoCloseable {
    static final String AGENT_USER = "castmesh-loss-a";
    static final String PUBLISHER_USER = "castmesh-loss-b";

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
        return start(PacketLoss.start(AGENT_USER, PUBLISHER_USER));
    }

    /** Only the publishers' packets impaired (what agents send arrives whole). */
    static LossyHost publisherLegOnly() throws IOException {
        return start(PacketLoss.start(PUBLISHER_USER));
    }

    private static LossyHost start(PacketLoss loss) throws IOException {
        RunAs agentUser = null;
        try {
            agentUser = RunAs.user(AGENT_USER);
            return new LossyHost(loss, agentUser, RunAs.user(PUBLISHER_USER));
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

    /** An agent JVM run as {@value #AGENT_USER} (see {@link AgentProcess#startAs}); stopped by {@link #close()}. */
    AgentProcess agent(String alias, Path dir) throws Exception {
        AgentProcess agent = AgentProcess.startAs(agentUser, alias, dir, "");
        agents.add(agent);
        return agent;
    }

    /** {@code chromium-publish.mjs} (fake camera) as {@value #PUBLISHER_USER}, publishing {@code codec} to {@code whipUrl}. */
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
