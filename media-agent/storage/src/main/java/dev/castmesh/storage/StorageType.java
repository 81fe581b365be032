package dev.castmesh.storage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The {@code type} key of {@code [recorder.storage]}: {@code "fs"} or {@code "s3"}. */
public enum StorageType {
    FS, S3;

    /** @throws IllegalArgumentException naming the allowed values */
    @JsonCreator
    public static StorageType of(String value) {
        if (value != null) {
            for (StorageType type : values()) {
                if (type.toml().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("type: must be \"fs\" or \"s3\", got '" + value + "'");
    }

    /** The value as written in TOML. */
    @JsonValue
    public String toml() {
        return name().toLowerCase(Locale.ROOT);
    }
}
