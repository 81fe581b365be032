package dev.castmesh.agent.it;

import dev.castmesh.storage.S3ProxyServer;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * s3proxy in this JVM on a fixed port over a directory, which can be stopped (a storage outage: connections refused)
 * and started again on the same port with the same objects. Credentials as {@link S3ProxyServer}'s; CORS open to any
 * origin for GET and HEAD, as a bucket that browsers read through presigned URLs must be.
 */
final class RestartableS3 implements AutoCloseable {
    static final String BUCKET = "recordings";

    private final Path directory;
    private final int port;
    private S3Proxy proxy;
    private BlobStoreContext context;

    RestartableS3(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The agent's {@code [recorder.storage]} for this server. */
    String toml() {
        return """
                [recorder.storage]
                type = "s3"
                bucket = "%s"
                root = "rec"
                region = "%s"
                endpoint = "%s"
                access_key_id = "%s"
                secret_access_key = "%s"
                """.formatted(BUCKET, S3ProxyServer.REGION, endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
    }

    synchronized void start() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        context = ContextBuilder.newBuilder("filesystem").credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)
                .overrides(properties).buildView(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create(endpoint()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)
                .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "HEAD"), List.of("*"),
                        List.of("Content-Length", "Content-Range", "ETag"), "false"))
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    synchronized void stop() throws Exception {
        if (proxy != null) {
            proxy.stop();
            context.close();
            proxy = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
