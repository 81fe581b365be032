package dev.castmesh.controlplane.node;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL of the node registry, in the subset SQLite and PostgreSQL share (see RecordingRepository). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface NodeRepository extends GenericRepository<Node, String> {

    @Query("SELECT secret_hash FROM nodes WHERE alias = :alias")
    Optional<String> findSecretHash(String alias);

    /** The heartbeat write: everything the agent reports. @return rows changed (0: the node is gone) */
    @Query("""
            UPDATE nodes SET reported_region = :reportedRegion, public_url = :publicUrl, agent_token = :agentToken,
                last_heartbeat = :now, max_viewers = :maxViewers, each_stream_max_sub = :eachStreamMaxSub,
                max_streams = :maxStreams, load_json = :loadJson, streams_json = :streamsJson, autopush = :autopush, grant_key = :grantKey,
                updated_at = :now
            WHERE alias = :alias""")
    int heartbeat(String alias, String reportedRegion, String publicUrl, @Nullable String agentToken, Instant now,
                  int maxViewers, int eachStreamMaxSub, @Nullable Integer maxStreams, String loadJson, String streamsJson, boolean autopush,
                  @Nullable String grantKey);

    /** Enrolment by a first heartbeat. @return 0 if the alias exists */
    @Query("""
            INSERT INTO nodes (alias, region, reported_region, public_url, secret_hash, agent_token, last_heartbeat,
                max_viewers, each_stream_max_sub, max_streams, load_json, streams_json, autopush, grant_key, created_at,
                updated_at)
            VALUES (:alias, NULL, :reportedRegion, :publicUrl, :secretHash, :agentToken, :now,
                :maxViewers, :eachStreamMaxSub, :maxStreams, :loadJson, :streamsJson, :autopush, :grantKey, :now, :now)
            ON CONFLICT (alias) DO NOTHING""")
    int register(String alias, String reportedRegion, String publicUrl, String secretHash, @Nullable String agentToken,
                 Instant now, int maxViewers, int eachStreamMaxSub, @Nullable Integer maxStreams, String loadJson, String streamsJson, boolean autopush,
                 @Nullable String grantKey);

    /** Compare-and-set of the secret. @return 0 if the stored hash is not {@code expectedHash} (or no such node) */
    @Query("UPDATE nodes SET secret_hash = :secretHash, updated_at = :now WHERE alias = :alias AND secret_hash = :expectedHash")
    int replaceSecret(String alias, String expectedHash, String secretHash, Instant now);

    /** A new credential for the node that enrolled with {@code grantKey}. @return 0 for another key (or no node) */
    @Query("UPDATE nodes SET secret_hash = :secretHash, updated_at = :now WHERE alias = :alias AND grant_key = :grantKey")
    int reenrol(String alias, String grantKey, String secretHash, Instant now);

    @Query("SELECT public_url FROM nodes WHERE public_url IS NOT NULL ORDER BY alias")
    List<String> findPublicUrls();

    /** Creation through the API, before any heartbeat. @return 0 if the alias exists */
    @Query("""
            INSERT INTO nodes (alias, region, reported_region, secret_hash, streams_json, created_at, updated_at)
            VALUES (:alias, :region, '', :secretHash, '[]', :now, :now)
            ON CONFLICT (alias) DO NOTHING""")
    int create(String alias, @Nullable String region, String secretHash, Instant now);

    @Query("UPDATE nodes SET secret_hash = :secretHash, updated_at = :now WHERE alias = :alias")
    int updateSecret(String alias, String secretHash, Instant now);

    @Query("UPDATE nodes SET region = :region, updated_at = :now WHERE alias = :alias")
    int updateRegion(String alias, @Nullable String region, Instant now);

    @Query("DELETE FROM nodes WHERE alias = :alias")
    int remove(String alias);

    Optional<Node> findById(String alias);

    @Query("SELECT * FROM nodes ORDER BY alias")
    List<Node> findAllOrdered();
}
