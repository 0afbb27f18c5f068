/**
 * The connector SPIs of eddy-core: {@link TextFileConnector} and {@link SocketConnector} build the
 * sources and sinks behind {@code readTextFile}, {@code writeAsText} and {@code socketTextStream},
 * found by {@link Connectors} through {@code ServiceLoader} in eddy-connector-files and
 * eddy-connector-socket, so eddy-core does not depend on them. Internal to Eddy (public types carry
 * {@code @Internal}): it may import {@code io.eddy.api} and other {@code io.eddy.core} packages,
 * never the runtime.
 */
package io.eddy.core.internal.connector;
