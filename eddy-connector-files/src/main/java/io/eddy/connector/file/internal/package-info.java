/**
 * Not API: the file connector's planning and reading ({@link FileSplitPlanner} cuts files into
 * splits on the JobManager, {@link TextLineCursor} reads a split's lines) and {@link
 * FilesTextConnector}, registered for eddy-core's {@code TextFileConnector} SPI behind {@code
 * readTextFile} and {@code writeAsText}. It may import eddy-core (API and the {@code
 * io.eddy.core.internal.connector} SPIs) and this module's other packages.
 */
package io.eddy.connector.file.internal;
