/**
 * The built-in {@link io.eddy.connector.file.sink.BucketAssigner}s of the file sink: {@link
 * BasePathBucketAssigner} (all in the base path) and {@link DateTimeBucketAssigner} (a directory
 * per processing-time period). It may import eddy-core's API and {@code
 * io.eddy.connector.file.sink}.
 */
package io.eddy.connector.file.sink.bucketassigners;
