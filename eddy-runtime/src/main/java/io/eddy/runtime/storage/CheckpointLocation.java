package io.eddy.runtime.storage;

/**
 * Where one checkpoint attempt of a job is stored.
 *
 * @param checkpointId the checkpoint's id
 * @param location the checkpoint's directory, as a URI or (on the local file system) a plain
 *     absolute path; its state files are named relative to it (see {@link StateLocations})
 */
public record CheckpointLocation(long checkpointId, String location) {}
