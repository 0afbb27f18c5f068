/**
 * The {@code s3://} file system through the AWS SDK v2: any S3-compatible store (AWS, MinIO, Ceph,
 * R2, s3proxy) by a configurable endpoint and path-style access. Large files go up as multipart
 * uploads; the recoverable writer keeps a file's upload open across checkpoints and completes it
 * only when the checkpoint commits, so nothing is visible before.
 *
 * <p>Why the SDK and not Hadoop's S3A: S3A needs the Hadoop client and its configuration even where
 * no HDFS is used, and models S3 as a file system with emulated renames; Eddy's layer already
 * avoids renames on object stores, so the SDK's plain object calls are all it needs.
 */
package io.eddy.fs.s3;
