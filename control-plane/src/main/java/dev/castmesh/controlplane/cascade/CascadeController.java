package dev.castmesh.controlplane.cascade;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castmesh.api.StreamName;
import dev.castmesh.api.cluster.NodeAlias;
import dev.castmesh.controlplane.http.BadRequestException;
import dev.castmesh.controlplane.http.JsonBody;
import dev.castmesh.controlplane.node.NodeRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /api/cascade/{stream}} (admin), body {@link CascadeCommand} {@code {"target", "source"?, "mode"?}}:
 * copies a stream onto a node now. Without {@code mode}: {@code [cascade] mode}, except a push from a source without
 * room for one more viewer of the stream (as for overflow). 201 with {@link CascadeLink} {@code {"stream","source","target","mode"}} once the
 * target's agent says the copy carries media (pull) or the push session is up; the errors of {@link LinkChoice} and
 * of {@link AgentCascades} (502/503/504); 400 for a bad body.
 */
@Controller("/api/cascade")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CascadeController {
    private final NodeRegistry registry;
    private final ClusterCascades cascades;
    private final CascadeConfig config;
    private final JsonBody<CascadeCommand> body;

    CascadeController(NodeRegistry registry, ClusterCascades cascades, CascadeConfig config, ObjectMapper mapper) {
        this.registry = registry;
        this.cascades = cascades;
        this.config = config;
        this.body = new JsonBody<>(mapper, CascadeCommand.class, "body");
    }

    @Post(uri = "/{stream}", consumes = MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<CascadeLink> cascade(@PathVariable String stream, @Body @Nullable String json) {
        BadRequestException.check("", () -> StreamName.validate(stream));
        CascadeCommand command = body.read(json);
        if (command.target() == null) {
            throw new BadRequestException("target is required (a node alias)");
        }
        BadRequestException.check("target: ", () -> NodeAlias.validate(command.target()));
        if (command.source() != null) {
            BadRequestException.check("source: ", () -> NodeAlias.validate(command.source()));
        }
        CascadeMode asked = command.mode() == null ? null : BadRequestException.parse(() -> parseMode(command.mode()));
        LinkChoice.Choice choice = LinkChoice.choose(stream, command.target(), command.source(), registry.all(),
                node -> cascades.justCascadedTo(stream, node));
        CascadeMode mode = asked != null ? asked : config.mode();
        return HttpResponse.created(cascades.link(stream, choice.source(), choice.target(), mode, true));
    }

    private static CascadeMode parseMode(String text) {
        try {
            return CascadeMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode: " + e.getMessage());
        }
    }
}
