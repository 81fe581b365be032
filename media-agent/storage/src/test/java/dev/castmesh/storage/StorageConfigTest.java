package dev.castmesh.storage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageConfigTest {

    private static StorageConfig s3(String bucket, String root, String endpoint, String key, String secret,
                                    String token) {
        return new StorageConfig(StorageType.S3, root, bucket, null, endpoint, key, secret, token, null);
    }

    private static String problem(Runnable build) {
        return assertThrows(IllegalArgumentException.class, build::run).getMessage();
    }

    @Test
    void defaultsToAFilesystemRoot() {
        StorageConfig config = StorageConfig.defaults();
        assertEquals(StorageType.FS, config.type());
        assertEquals("./recordings", config.root());
        assertTrue(config.pathStyle());
    }

    @Test
    void s3TakesLive777Defaults() {
        StorageConfig config = s3("rec", "/recordings/", null, "AK", "SK", null);
        assertEquals("recordings", config.root());
        assertEquals("us-east-1", config.region());
        assertTrue(config.pathStyle());
        assertFalse(new StorageConfig(StorageType.S3, null, "rec", "eu-west-1", null, null, null, null, true)
                .pathStyle());
        assertEquals("", s3("rec", "/", null, null, null, null).root());
    }

    @Test
    void mistakesNameTheKey() {
        assertTrue(problem(() -> s3(null, null, null, null, null, null)).startsWith("bucket: required"));
        assertTrue(problem(() -> s3("Bad_Bucket", null, null, null, null, null)).startsWith("bucket: "));
        assertTrue(problem(() -> s3("rec", "a/../b", null, null, null, null)).startsWith("root: "));
        assertTrue(problem(() -> s3("rec", null, "ftp://x", null, null, null)).startsWith("endpoint: "));
        assertTrue(problem(() -> s3("rec", null, "not a url", null, null, null)).startsWith("endpoint: "));
        assertTrue(problem(() -> s3("rec", null, null, "AK", null, null)).startsWith("secret_access_key: "));
        assertTrue(problem(() -> s3("rec", null, null, null, "SK", null)).startsWith("access_key_id: "));
        assertTrue(problem(() -> s3("rec", null, null, null, null, "T")).startsWith("session_token: "));
        assertTrue(problem(() -> new StorageConfig(StorageType.FS, "/x", "rec", null, null, null, null, null, null))
                .startsWith("bucket: only for type = \"s3\""));
        assertTrue(problem(() -> StorageType.of("gcs")).startsWith("type: must be \"fs\" or \"s3\""));
    }

    @Test
    void toStringMasksSecrets() {
        String text = new StorageConfig(StorageType.S3, null, "rec", null, null, "AKIAEXAMPLE", "very-secret",
                "session-secret", null).toString();
        assertFalse(text.contains("very-secret"), text);
        assertFalse(text.contains("session-secret"), text);
        assertTrue(text.contains("AKIAEXAMPLE") && text.contains("secretAccessKey=***"), text);
    }
}
