package dev.castmesh.security;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Takes {@code ?token=} out of every request's URI before Micronaut sees the request (its request log lines and
 * events print the URI at DEBUG), and passes it on in {@link QueryToken#HEADER}. A client's own
 * {@link QueryToken#HEADER} is dropped, so only a query can set it.
 */
@Singleton
final class QueryTokenEdge implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String NAME = "castmesh-query-token";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Moves the token of one request; keeps nothing between requests. */
    static void move(HttpRequest request) {
        request.headers().remove(QueryToken.HEADER);
        String uri = request.uri();
        int question = uri.indexOf('?');
        if (question < 0) {
            return;
        }
        String query = uri.substring(question + 1);
        Optional<String> token = QueryToken.in(query);
        String kept = QueryToken.strip(query);
        if (token.isEmpty() && query.equals(kept)) {
            return;
        }
        request.setUri(uri.substring(0, question) + (kept == null ? "" : "?" + kept));
        token.ifPresent(value -> request.headers().set(QueryToken.HEADER, value));
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelInboundHandlerAdapter {
        static final Handler INSTANCE = new Handler();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                move(request);
            }
            ctx.fireChannelRead(msg);
        }
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.LISTENER ? this : new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NAME) != null) {
                return;
            }
            // Before the access logger (when configured) and Micronaut's inbound handler.
            String first = pipeline.get(ChannelPipelineCustomizer.HANDLER_ACCESS_LOGGER) != null
                    ? ChannelPipelineCustomizer.HANDLER_ACCESS_LOGGER : ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND;
            if (pipeline.get(first) != null) {
                pipeline.addBefore(first, NAME, Handler.INSTANCE);
            } else {
                pipeline.addLast(NAME, Handler.INSTANCE);
            }
        }
    }
}
