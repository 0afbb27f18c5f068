/**
 * The built-in {@link io.eddy.connector.file.sink.RollingPolicy}s of the file sink: {@link
 * DefaultRollingPolicy} (size, rollover and inactivity intervals) and {@link
 * OnCheckpointRollingPolicy} (at every checkpoint, the only one for bulk formats). It may import
 * eddy-core's API and {@code io.eddy.connector.file.sink}.
 */
package io.eddy.connector.file.sink.rollingpolicies;
