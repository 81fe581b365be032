package dev.castmesh.controlplane.ice;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.ice.IceServer;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The ICE servers the control plane puts into WHIP/WHEP answers ({@code [extra_ice]}); see {@link IceMerge}. */
@Singleton
public class IceServers {
    private final ExtraIceConfig config;
    private final List<IceServer> statics;
    private final CoturnCredentials coturn;
    private final CloudflareIce cloudflare;
    private final Clock clock;

    IceServers(ExtraIceConfig config, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.statics = config.staticServers();
        this.coturn = config.coturn() == null ? null : CoturnCredentials.of(config.coturn());
        this.cloudflare = config.cloudflare() == null || !config.cloudflare().enabled() ? null
                : new CloudflareIce(config.cloudflare(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), mapper, clock);
        this.clock = clock;
        if (cloudflare != null) {
            cloudflare.refresh(); // in the background: the first WHIP/WHEP finds credentials ready
        }
    }

    /** @param upstream what the agent's answer carried */
    public List<IceServer> forAnswer(List<IceServer> upstream) {
        return IceMerge.merge(upstream, config.overrideUpstreamIceServers(), statics,
                coturn == null ? List.of() : List.of(coturn.mint(clock.instant(), null)),
                cloudflare == null ? List.of() : cloudflare.servers());
    }
}
