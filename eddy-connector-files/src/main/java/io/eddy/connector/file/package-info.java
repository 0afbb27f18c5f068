/**
 * The file source (module eddy-connector-files): {@link FileSource} reads the lines of a file or a
 * directory in byte-range {@link FileSourceSplit}s handed to readers on demand ({@link
 * FileSourceSplitSerializer}); it is behind {@code env.readTextFile}. It may import eddy-core's
 * API, its split-reader base ({@code io.eddy.core.internal.connector.source}) and this module's
 * packages; eddy-core does not import it.
 */
package io.eddy.connector.file;
