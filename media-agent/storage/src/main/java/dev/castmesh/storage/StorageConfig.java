package dev.castmesh.storage;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The {@code [recorder.storage]} section, with Live777's keys. Either a filesystem root:
 * <pre>type = "fs"   root = "./recordings"</pre>
 * or an S3 (or S3-compatible) bucket:
 * <pre>type = "s3"   bucket = "rec"   root = "/recordings"   region = "us-east-1"   endpoint = "http://127.0.0.1:9000"
 * access_key_id = "..."   secret_access_key = "..."   session_token = "..."   enable_virtual_host_style = false</pre>
 * The constructor validates; a mistake is an {@link IllegalArgumentException} whose message starts with the key
 * ({@code "bucket: ..."}) as the TOML loaders expect. {@link #toString()} masks the secret key and session token.
 *
 * @param type                   {@code fs} (default) or {@code s3}
 * @param root                   fs: the directory (default {@value #DEFAULT_FS_ROOT}); s3: the key prefix inside the
 *                               bucket, leading and trailing '/' ignored (default: none)
 * @param bucket                 s3: bucket name (required)
 * @param region                 s3: signing region (default {@value #DEFAULT_REGION})
 * @param endpoint               s3: endpoint URL of an S3-compatible server (default: AWS for the region)
 * @param accessKeyId            s3: access key id; with {@code secretAccessKey}, or neither (then the AWS default
 *                               credential chain: environment, profile, instance role)
 * @param secretAccessKey        s3: secret access key
 * @param sessionToken           s3: session token of temporary credentials (optional)
 * @param enableVirtualHostStyle s3: address {@code bucket.host} instead of {@code host/bucket}; default false, i.e.
 *                               path-style as MinIO, s3proxy and most S3-compatible servers need (Live777's key and
 *                               default)
 */
public record StorageConfig(StorageType type, String root, String bucket, String region, String endpoint,
                            String accessKeyId, String secretAccessKey, String sessionToken,
                            Boolean enableVirtualHostStyle) {
    public static final String DEFAULT_FS_ROOT = "./recordings";
    public static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public StorageConfig {
        type = type == null ? StorageType.FS : type;
        root = blankToNull(root);
        bucket = blankToNull(bucket);
        region = blankToNull(region);
        endpoint = blankToNull(endpoint);
        accessKeyId = blankToNull(accessKeyId);
        secretAccessKey = blankToNull(secretAccessKey);
        sessionToken = blankToNull(sessionToken);
        if (type == StorageType.FS) {
            root = root == null ? DEFAULT_FS_ROOT : root;
            if (root.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("root: contains a NUL character");
            }
            onlyForS3("bucket", bucket);
            onlyForS3("region", region);
            onlyForS3("endpoint", endpoint);
            onlyForS3("access_key_id", accessKeyId);
            onlyForS3("secret_access_key", secretAccessKey);
            onlyForS3("session_token", sessionToken);
            onlyForS3("enable_virtual_host_style", enableVirtualHostStyle);
            enableVirtualHostStyle = false;
        } else {
            root = s3Prefix(root);
            if (bucket == null) {
                throw new IllegalArgumentException("bucket: required when type = \"s3\"");
            }
            if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
                throw new IllegalArgumentException("bucket: '" + bucket + "' is not a valid bucket name"
                        + " (3-63 characters: lower-case letters, digits, '.', '-')");
            }
            region = region == null ? DEFAULT_REGION : region;
            if (endpoint != null) {
                checkEndpoint(endpoint);
            }
            if ((accessKeyId == null) != (secretAccessKey == null)) {
                throw new IllegalArgumentException((accessKeyId == null ? "access_key_id" : "secret_access_key")
                        + ": access_key_id and secret_access_key go together");
            }
            if (sessionToken != null && accessKeyId == null) {
                throw new IllegalArgumentException("session_token: needs access_key_id and secret_access_key");
            }
            enableVirtualHostStyle = enableVirtualHostStyle != null && enableVirtualHostStyle;
        }
    }

    /** A filesystem store at {@code root}. */
    public static StorageConfig fs(String root) {
        return new StorageConfig(StorageType.FS, root, null, null, null, null, null, null, null);
    }

    /** An S3 store with static credentials, path-style addressing. */
    public static StorageConfig s3(String bucket, String prefix, String region, String endpoint, String accessKeyId,
                                   String secretAccessKey) {
        return new StorageConfig(StorageType.S3, prefix, bucket, region, endpoint, accessKeyId, secretAccessKey,
                null, null);
    }

    /** The default when the section is missing: {@code type = "fs"}, {@code root = "./recordings"}. */
    public static StorageConfig defaults() {
        return fs(null);
    }

    /** True unless S3 is addressed virtual-host style. */
    public boolean pathStyle() {
        return !enableVirtualHostStyle;
    }

    @Override
    public String toString() {
        if (type == StorageType.FS) {
            return "StorageConfig[type=fs, root=" + root + "]";
        }
        return "StorageConfig[type=s3, bucket=" + bucket + ", root=" + root + ", region=" + region
                + ", endpoint=" + endpoint + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey=" + (secretAccessKey == null ? null : "***")
                + ", sessionToken=" + (sessionToken == null ? null : "***")
                + ", enableVirtualHostStyle=" + enableVirtualHostStyle + "]";
    }

    private static String s3Prefix(String root) {
        if (root == null) {
            return "";
        }
        String prefix = root.replaceAll("^/+", "").replaceAll("/+$", "");
        if (prefix.isEmpty()) {
            return "";
        }
        try {
            ObjectKeys.check(prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("root: not a valid key prefix (" + e.getMessage() + ")");
        }
        return prefix;
    }

    private static void checkEndpoint(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint: '" + endpoint + "' is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint: must be an http:// or https:// URL with a host, got '"
                    + endpoint + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("endpoint: put credentials in access_key_id/secret_access_key,"
                    + " not in the URL");
        }
    }

    private static void onlyForS3(String key, Object value) {
        if (value != null) {
            throw new IllegalArgumentException(key + ": only for type = \"s3\"");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
