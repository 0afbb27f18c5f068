/**
 * The exactly-once file sink: {@link FileSink} writes part files per bucket ({@link
 * BucketAssigner}), rolls them ({@link RollingPolicy}) and commits them by rename when a checkpoint
 * completes ({@link FileSinkCommittable}, restored in-progress files as {@link
 * FileWriterBucketState}); {@link OutputFileConfig} names them. {@link TextFileSink} is behind
 * {@code writeAsText}. It may import eddy-core's API and this module's packages.
 */
package io.eddy.connector.file.sink;
