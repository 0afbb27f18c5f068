/**
 * Not API: the socket source's reading, {@link SocketLineFetcher} on a thread of its own into a
 * bounded queue and the non-blocking {@link SocketSourceReader}, and {@link SocketTextConnector},
 * registered for eddy-core's {@code SocketConnector} SPI behind {@code socketTextStream}. It may
 * import eddy-core (API and the {@code io.eddy.core.internal.connector} SPIs) and {@code
 * io.eddy.connector.socket}.
 */
package io.eddy.connector.socket.internal;
