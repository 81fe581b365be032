package dev.castmesh.agent.it;

import dev.castmesh.agent.it.loss.PacketLoss;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The set-up the loss ITs share, as a class-level JUnit extension ({@code @RegisterExtension static final}): two
 * throw-away users, one for the agents ({@code castmesh-loss-a}) and one for the publishers ({@code castmesh-loss-b}),
 * whose UDP {@link PacketLoss} impairs on arrival, and the agent JVMs (one per alias) started as the first, with
 * their logs in a temporary directory. Peers run as root (the viewers) are never impaired. After the class it stops
 * the agents, deletes the users' homes, the nftables table and the directory, each step on its own, so one failing
 * does not leave the rest behind.
 *
 * <p>Two runs on one machine must not share the users (each would drop the other's packets; PacketLoss refuses to
 * start then): {@value #USERS}{@code =AGENT,PUBLISHER} gives a run other ones.
 */
final class LossyHost implements BeforeAllCallback, AfterAllCallback {
    static final String USERS = "castmesh.loss.users";
    private static final List<String> DEFAULT_USERS = List.of("castmesh-loss-a", "castmesh-loss-b");

    private final boolean agentsImpaired;
    private final List<String> aliases;
    private final String agentToml;
    private final Map<String, AgentProcess> agents = new LinkedHashMap<>();
    private final List<AutoCloseable> teardown = new ArrayList<>();
    private PacketLoss loss;
    private RunAs publisherUser;

    private LossyHost(boolean agentsImpaired, List<String> aliases, String agentToml) {
        this.agentsImpaired = agentsImpaired;
        this.aliases = List.copyOf(aliases);
        this.agentToml = agentToml;
    }

    /** Both users' packets impaired: the publisher → agent leg and every leg an agent sends on. */
    static LossyHost bothLegs(String... agentAliases) {
        return new LossyHost(true, List.of(agentAliases), "");
    }

    /** Only the publishers' packets impaired (what agents send arrives whole). */
    static LossyHost publisherLegOnly(String... agentAliases) {
        return new LossyHost(false, List.of(agentAliases), "");
    }

    /** The same host with {@code toml} added to every agent's configuration. */
    LossyHost withAgentConfig(String toml) {
        return new LossyHost(agentsImpaired, aliases, agentToml + toml);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        List<String> users = users();
        loss = agentsImpaired ? PacketLoss.start(users.get(0), users.get(1)) : PacketLoss.start(users.get(1));
        teardown.add(loss);
        Path dir = Files.createTempDirectory("castmesh-loss-it-");
        teardown.add(0, () -> deleteTree(dir));
        RunAs agentUser = RunAs.user(users.get(0));
        teardown.add(0, agentUser);
        publisherUser = RunAs.user(users.get(1));
        teardown.add(0, publisherUser);
        for (String alias : aliases) {
            // may cascade from the other loopback agents (a standalone agent cascades only from allowed origins)
            AgentProcess agent = AgentProcess.startAs(agentUser, alias, dir, "[cascade]\nallow = [\"http://127.0.0.1:*\"]\n" + agentToml);
            agents.put(alias, agent);
            teardown.add(0, agent);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (AutoCloseable step : teardown) {
            try {
                step.close();
            } catch (Exception e) {
                System.err.println("LossyHost: closing " + step + " failed: " + e);
            }
        }
        teardown.clear();
    }

    PacketLoss loss() {
        return loss;
    }

    /** The agent JVM started for {@code alias}. */
    AgentProcess agent(String alias) {
        AgentProcess agent = agents.get(alias);
        if (agent == null) {
            throw new IllegalArgumentException("no agent " + alias + " (started: " + agents.keySet() + ")");
        }
        return agent;
    }

    /** {@code chromium-publish.mjs} (fake camera) as the publishers' user, publishing {@code codec} to {@code whipUrl}. */
    Peer chromiumPublisher(String whipUrl, String codec, int seconds) throws IOException {
        return Peer.startAs(publisherUser, "chromium-publish.mjs", whipUrl, "--codec", codec,
                "--duration", String.valueOf(seconds));
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

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
