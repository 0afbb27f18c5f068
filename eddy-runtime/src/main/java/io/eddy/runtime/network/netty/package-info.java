/**
 * The data plane across processes: each TaskManager's {@link NettyDataPlane} is a {@link
 * PartitionServer} serving its subpartitions and a {@link ConnectionManager} with one {@link
 * PartitionClient} connection per remote TaskManager, shared by its {@link RemoteInputChannel}s;
 * credit-based flow control ({@code SubpartitionSender}) and the frames of {@code NettyMessage}.
 * Part of the {@code network} layer: it may import the other {@code network} packages and the
 * layers below {@code network}.
 */
package io.eddy.runtime.network.netty;
