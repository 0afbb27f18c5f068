/**
 * The consumer side of an exchange: an {@link InputGate} over the {@link InputChannel}s of one
 * consumer subtask ({@link LocalInputChannel} in the same JVM; the Netty channel across processes),
 * and the {@link RecordDeserializer} that reads elements in place. Part of the {@code network}
 * layer: it may import the other {@code network} packages and the layers below {@code network}.
 */
package io.eddy.runtime.network.input;
