/**
 * The file systems Eddy stores through, chosen by URI scheme: {@code file:} and plain paths (built
 * in), {@code hdfs:} and {@code s3:} (modules on the cluster's class path). Checkpoints,
 * savepoints, the file sink and the file source all go through {@link io.eddy.api.fs.FileSystem},
 * so one store shared by the machines is all a cluster needs.
 */
package io.eddy.api.fs;
