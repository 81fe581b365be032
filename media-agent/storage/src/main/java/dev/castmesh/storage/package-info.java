/**
 * Recording storage shared by the agent (which uploads segments and manifests) and the control plane (which serves
 * them for playback): the {@code [recorder.storage]} config record {@link dev.castmesh.storage.StorageConfig} and an
 * {@link dev.castmesh.storage.ObjectStore} on a filesystem root ({@link dev.castmesh.storage.FsObjectStore}) or an S3
 * bucket ({@link dev.castmesh.storage.S3ObjectStore}), opened with {@link dev.castmesh.storage.ObjectStores#open}.
 *
 * <p>Keys are relative, '/'-separated paths such as {@code cam1/2026/11/21/manifest.mpd}; {@link
 * dev.castmesh.storage.ObjectKeys#check} says which are valid. No HTTP server, no GStreamer.
 */
package dev.castmesh.storage;
