package dev.castmesh.controlplane.playbackproxy;

import dev.castmesh.storage.ObjectStore;
import dev.castmesh.storage.ObjectStores;
import dev.castmesh.storage.StorageConfig;
import dev.castmesh.storage.StorageException;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The recordings store of {@code [recorder.storage]}, opened on first use and closed with the context. */
@Factory
final class ObjectStoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectStoreFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    ObjectStore recordings(StorageConfig config) throws StorageException {
        ObjectStore store = ObjectStores.open(config);
        LOG.info("recordings storage {}", store.describe());
        return store;
    }
}
