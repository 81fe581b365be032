package dev.castmesh.controlplane.config;

import dev.castmesh.server.config.ConfigException;
import dev.castmesh.storage.StorageType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code [recorder.storage]} (Live777's keys) and {@code [playback]}: defaults, keys, and errors naming the key. */
class RecordingSectionsConfigTest {
    private final ControlPlaneConfigLoader loader = new ControlPlaneConfigLoader(Map.of());

    private String error(String toml) {
        return assertThrows(ConfigException.class, () -> loader.parse(toml)).getMessage();
    }

    @Test
    void defaults() {
        ControlPlaneConfig config = loader.parse("");
        assertEquals(StorageType.FS, config.recorder().storage().type());
        assertEquals("./recordings", config.recorder().storage().root());
        assertFalse(config.playback().signedRedirect());
        assertEquals(Duration.ofSeconds(60), config.playback().signedTtl());
    }

    @Test
    void live777S3Section() {
        ControlPlaneConfig config = loader.parse("""
                [recorder.storage]
                type = "s3"
                bucket = "live777-recordings"
                root = "/recordings"
                region = "eu-west-1"
                endpoint = "http://localhost:9000"
                access_key_id = "minioadmin"
                secret_access_key = "minio-secret-key"
                enable_virtual_host_style = false
                [playback]
                signed_redirect = true
                signed_ttl_seconds = 300
                """);
        var storage = config.recorder().storage();
        assertEquals(StorageType.S3, storage.type());
        assertEquals("live777-recordings", storage.bucket());
        assertEquals("recordings", storage.root());
        assertEquals("eu-west-1", storage.region());
        assertEquals("http://localhost:9000", storage.endpoint());
        assertTrue(storage.pathStyle());
        assertTrue(config.playback().signedRedirect());
        assertEquals(Duration.ofSeconds(300), config.playback().signedTtl());
        assertFalse(config.toString().contains("minio-secret-key"), config.toString());
    }

    @Test
    void shippedConfigHasBothSections() {
        ControlPlaneConfig config = loader.load(java.nio.file.Path.of("../config/control-plane.toml"));
        assertEquals(StorageType.FS, config.recorder().storage().type());
        assertEquals("./recordings", config.recorder().storage().root());
        assertEquals(Duration.ofSeconds(60), config.playback().signedTtl());
    }

    @Test
    void mistakesNameTheKey() {
        assertEquals("key 'recorder.storage.type': must be \"fs\" or \"s3\", got 'gcs'",
                error("[recorder.storage]\ntype = \"gcs\"\n"));
        assertEquals("key 'recorder.storage.bucket': required when type = \"s3\"",
                error("[recorder.storage]\ntype = \"s3\"\n"));
        assertEquals("key 'recorder.storage.secret_access_key': access_key_id and secret_access_key go together",
                error("[recorder.storage]\ntype = \"s3\"\nbucket = \"rec\"\naccess_key_id = \"a\"\n"));
        assertEquals("key 'recorder.storage.bucket': only for type = \"s3\"",
                error("[recorder.storage]\nroot = \"/x\"\nbucket = \"rec\"\n"));
        assertEquals("unknown key 'recorder.storage.force_path_style'",
                error("[recorder.storage]\ntype = \"s3\"\nbucket = \"rec\"\nforce_path_style = true\n"));
        assertEquals("unknown key 'recorder.auto_streams'", error("[recorder]\nauto_streams = [\"*\"]\n"));
        assertEquals("key 'playback.signed_ttl_seconds': must be between 1 and 604800 (7 days, the longest S3 allows)",
                error("[playback]\nsigned_ttl_seconds = 0\n"));
        assertEquals("key 'playback.signed_redirect': needs [recorder.storage] type = \"s3\""
                + " (a filesystem store has no presigned URLs)", error("[playback]\nsigned_redirect = true\n"));
        assertEquals("key 'recorder.storage.enable_virtual_host_style': expected true or false",
                error("[recorder.storage]\ntype = \"s3\"\nbucket = \"rec\"\nenable_virtual_host_style = \"yes\"\n"));
    }
}
