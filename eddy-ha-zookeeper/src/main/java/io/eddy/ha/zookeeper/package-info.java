/**
 * High availability in ZooKeeper through Apache Curator ({@code high-availability.type:
 * zookeeper}): {@link io.eddy.ha.zookeeper.ZooKeeperHaServices} holds one Curator client under
 * {@code /eddy/<cluster-id>}; the leader is elected by a Curator {@code LeaderLatch} and publishes
 * itself in an ephemeral node; jobs, checkpoint counters and checkpoint pointers are small nodes,
 * the bulky job graphs and jars live in the storage directory ({@code HaStorage}). Every write a
 * leader makes checks, in the same ZooKeeper transaction, that its latch node still exists: a
 * deposed leader's writes fail. Found through {@code ServiceLoader} by {@link
 * io.eddy.ha.zookeeper.ZooKeeperHaServicesFactory}; imports eddy-core and the runtime's {@code ha}
 * package only.
 */
package io.eddy.ha.zookeeper;
