/**
 * Not API: the socket source's reading, {@link SocketLineTask} on an eddy-connector-base {@code
 * SplitFetcher}'s thread into a bounded queue and the non-blocking {@link SocketSourceReader}, and
 * {@link SocketTextConnector}, registered for eddy-core's {@code SocketConnector} SPI behind {@code
 * socketTextStream}. It may import eddy-core (API and the {@code io.eddy.core.internal.connector}
 * SPIs), eddy-connector-base and {@code io.eddy.connector.socket}.
 */
package io.eddy.connector.socket.internal;
