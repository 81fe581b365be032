package dev.castmesh.storage;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real S3-compatible server for tests: s3proxy in this JVM on a free port, over jclouds' filesystem blob store in
 * {@code directory}, with AWS v2/v4 signature checking. Shipped in this module's test-jar for the other modules' tests.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "castmesh-test-access";
    public static final String SECRET_KEY = "castmesh-test-secret-key";
    public static final String REGION = "us-east-1";
    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private S3ProxyServer(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    /** Starts the server with the given buckets created. */
    public static S3ProxyServer start(Path directory, String... buckets) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(properties)
                .buildView(BlobStoreContext.class);
        for (String bucket : buckets) {
            context.getBlobStore().createContainerInLocation(null, bucket);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new S3ProxyServer(proxy, context);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** A {@code [recorder.storage]} for {@code bucket} on this server (path style, static credentials). */
    public StorageConfig config(String bucket, String root) {
        return StorageConfig.s3(bucket, root, REGION, endpoint(), ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
