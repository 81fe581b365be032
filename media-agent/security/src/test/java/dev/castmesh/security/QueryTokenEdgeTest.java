package dev.castmesh.security;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class QueryTokenEdgeTest {
    /** The request as the handler after the edge receives it. */
    private static HttpRequest through(String uri, String... headers) {
        EmbeddedChannel channel = new EmbeddedChannel(QueryTokenEdge.Handler.INSTANCE);
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.headers().add(headers[i], headers[i + 1]);
        }
        channel.writeInbound(request);
        HttpRequest passed = channel.readInbound();
        channel.finishAndReleaseAll();
        return passed;
    }

    @Test
    void theTokenLeavesTheUriForTheInternalHeader() {
        HttpRequest request = through("/api/record/object/cam/m.mpd?a=1&token=x.y%2Bz&b=2");
        assertEquals("/api/record/object/cam/m.mpd?a=1&b=2", request.uri());
        assertEquals("x.y+z", request.headers().get(QueryToken.HEADER));
        HttpRequest only = through("/whep/cam?token=t1");
        assertEquals("/whep/cam", only.uri());
        assertEquals("t1", only.headers().get(QueryToken.HEADER));
    }

    @Test
    void everyTokenParameterLeavesTheUriOnlyTheFirstCounts() {
        HttpRequest request = through("/x?token=first&tokens=1&mytoken=2&token=second&token");
        assertEquals("/x?tokens=1&mytoken=2", request.uri());
        assertEquals("first", request.headers().get(QueryToken.HEADER));
        assertEquals("/x", through("/x?token=").uri());
        assertNull(through("/x?token=").headers().get(QueryToken.HEADER), "an empty token is none");
    }

    @Test
    void aClientCannotSetTheInternalHeader() {
        assertNull(through("/x", QueryToken.HEADER, "forged").headers().get(QueryToken.HEADER));
        assertEquals("real", through("/x?token=real", QueryToken.HEADER, "forged").headers().get(QueryToken.HEADER));
    }

    @Test
    void otherUrisPassUnchanged() {
        assertEquals("/x?a=1&b=%20", through("/x?a=1&b=%20").uri());
        assertEquals("/x", through("/x").uri());
        assertEquals(Optional.of("%ZZ"), QueryToken.in("token=%ZZ"), "malformed: as sent, refused later");
    }
}
