package io.eddy.runtime.minicluster;

/**
 * Size of an embedded cluster.
 *
 * @param numTaskManagers TaskManagers in this JVM
 * @param slotsPerTaskManager slots of each
 * @param networkBuffersPerTaskManager network buffers of each (the bound on exchange memory)
 * @param bufferSize bytes per network buffer
 * @param buffersPerChannel buffers a producer may fill per consumer before it waits
 */
public record MiniClusterConfig(
    int numTaskManagers,
    int slotsPerTaskManager,
    int networkBuffersPerTaskManager,
    int bufferSize,
    int buffersPerChannel) {

  public static final int DEFAULT_BUFFER_SIZE = 32 * 1024;

  /** One TaskManager with {@code slots} slots and 64 MiB of network memory. */
  public static MiniClusterConfig withSlots(int slots) {
    return new MiniClusterConfig(1, slots, 2048, DEFAULT_BUFFER_SIZE, 4);
  }

  public MiniClusterConfig withTaskManagers(int taskManagers, int slotsEach) {
    return new MiniClusterConfig(
        taskManagers, slotsEach, networkBuffersPerTaskManager, bufferSize, buffersPerChannel);
  }

  public MiniClusterConfig withNetworkBuffers(int buffers, int size) {
    return new MiniClusterConfig(
        numTaskManagers, slotsPerTaskManager, buffers, size, buffersPerChannel);
  }
}
