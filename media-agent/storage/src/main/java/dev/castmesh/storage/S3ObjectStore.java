package dev.castmesh.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Objects in an S3 bucket (AWS or S3-compatible: MinIO, s3proxy, Ceph...), through the AWS SDK v2 with the JDK's
 * URLConnection transport. Key {@code k} is the S3 object {@code root/k} ({@code root} is {@link StorageConfig#root()}
 * as a prefix). Uploads carry the {@link ContentTypes} of the key, so presigned reads get the right type too.
 * Request checksums are only sent where S3 requires them, for the S3-compatible servers that do not know the newer
 * checksum headers.
 */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;
    private final String description;

    private S3ObjectStore(S3Client client, S3Presigner presigner, StorageConfig config) {
        this.client = client;
        this.presigner = presigner;
        this.bucket = config.bucket();
        this.prefix = config.root().isEmpty() ? "" : config.root() + "/";
        this.description = "s3://" + bucket + "/" + prefix
                + (config.endpoint() == null ? "" : " at " + config.endpoint());
    }

    /** Builds the client and presigner; no network I/O happens until the first call. */
    public static S3ObjectStore open(StorageConfig config) {
        if (config.type() != StorageType.S3) {
            throw new IllegalArgumentException("type: not an s3 storage config");
        }
        AwsCredentialsProvider credentials = credentials(config);
        Region region = Region.of(config.region());
        S3Configuration s3 = S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build();
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        var clientBuilder = S3Client.builder()
                .httpClient(http)
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(s3)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presignerBuilder = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(s3);
        if (config.endpoint() != null) {
            URI endpoint = URI.create(config.endpoint());
            clientBuilder.endpointOverride(endpoint);
            presignerBuilder.endpointOverride(endpoint);
        }
        return new S3ObjectStore(clientBuilder.build(), presignerBuilder.build(), config);
    }

    private static AwsCredentialsProvider credentials(StorageConfig config) {
        if (config.accessKeyId() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(config.sessionToken() == null
                ? AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())
                : AwsSessionCredentials.create(config.accessKeyId(), config.secretAccessKey(), config.sessionToken()));
    }

    @Override
    public void put(String key, Path file) throws IOException {
        String objectKey = objectKey(key);
        try {
            client.putObject(b -> b.bucket(bucket).key(objectKey).contentType(ContentTypes.of(key)),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("put", key, e);
        }
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        String objectKey = objectKey(key);
        try {
            client.putObject(b -> b.bucket(bucket).key(objectKey).contentType(ContentTypes.of(key)),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("put", key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> head(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key(objectKey));
            return Optional.of(new ObjectInfo(key, head.contentLength(), head.eTag(), lastModified(head.lastModified())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("head", key, e);
        } catch (SdkException e) {
            throw failure("head", key, e);
        }
    }

    @Override
    public Optional<ObjectContent> get(String key, ByteRange range) throws IOException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(objectKey(key));
        if (range != null) {
            request.range("bytes=" + range.first() + "-" + (range.last() == Long.MAX_VALUE ? "" : range.last()));
        }
        ResponseInputStream<GetObjectResponse> stream;
        try {
            stream = client.getObject(request.build());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            if (e.statusCode() == 416) {
                throw new RangeNotSatisfiableException(head(key).map(ObjectInfo::sizeBytes).orElse(-1L));
            }
            throw failure("get", key, e);
        } catch (SdkException e) {
            throw failure("get", key, e);
        }
        GetObjectResponse response = stream.response();
        long length = response.contentLength();
        long size = length;
        ByteRange served = length == 0 ? null : new ByteRange(0, length - 1);
        String contentRange = response.contentRange();
        if (contentRange != null && contentRange.startsWith("bytes ")) {
            // "bytes first-last/size"
            String[] parts = contentRange.substring(6).split("[-/]");
            served = new ByteRange(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
            size = "*".equals(parts[2].trim()) ? -1 : Long.parseLong(parts[2].trim());
        }
        ObjectInfo info = new ObjectInfo(key, size, response.eTag(), lastModified(response.lastModified()));
        return Optional.of(new ObjectContent(info, served, length, stream));
    }

    @Override
    public void delete(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            client.deleteObject(b -> b.bucket(bucket).key(objectKey));
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public List<ObjectInfo> list(String keyPrefix) throws IOException {
        List<ObjectInfo> found = new ArrayList<>();
        try {
            // Keys that are not valid object keys (directory markers "a/b/" of some servers) are skipped.
            client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + keyPrefix)).contents().stream()
                    .filter(object -> ObjectKeys.isValid(object.key().substring(prefix.length())))
                    .forEach(object -> found.add(new ObjectInfo(object.key().substring(prefix.length()),
                            object.size(), object.eTag(), lastModified(object.lastModified()))));
        } catch (SdkException e) {
            throw failure("list", keyPrefix, e);
        }
        found.sort(Comparator.comparing(ObjectInfo::key));
        return found;
    }

    @Override
    public Optional<URI> presignedGet(String key, Duration ttl) {
        String objectKey = objectKey(key);
        var presigned = presigner.presignGetObject(b -> b.signatureDuration(ttl)
                .getObjectRequest(r -> r.bucket(bucket).key(objectKey)));
        try {
            return Optional.of(presigned.url().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("presigned URL is not a URI", e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }

    private String objectKey(String key) {
        return prefix + ObjectKeys.check(key);
    }

    private static Instant lastModified(Instant value) {
        return value == null ? Instant.EPOCH : value;
    }

    /** The SDK's message, which names the operation's status and code but not credentials. */
    private StorageException failure(String operation, String key, SdkException e) {
        return new StorageException("s3 " + operation + " " + key + " in " + description + " failed: "
                + e.getMessage(), e);
    }
}
