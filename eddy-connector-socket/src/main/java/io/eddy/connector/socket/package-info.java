/**
 * The socket source (module eddy-connector-socket): {@link SocketSource} reads the text lines a TCP
 * server sends, in one {@link SocketSplit} ({@link SocketSplitSerializer}); it is behind {@code
 * env.socketTextStream} and cannot replay after a restore. It may import eddy-core's API, its
 * split-reader base and {@code io.eddy.connector.socket.internal}; eddy-core does not import it.
 */
package io.eddy.connector.socket;
