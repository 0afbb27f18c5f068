/**
 * JobManager high availability, as a seam: {@link io.eddy.runtime.ha.HighAvailabilityServices}
 * gives leader election and retrieval, the store of submitted jobs, and per job the checkpoint id
 * counter and the pointer to its latest completed checkpoint. {@code none} ({@link
 * io.eddy.runtime.ha.NoHighAvailabilityServices}) is built in and keeps everything in the process,
 * as a JobManager without HA always did; other types (ZooKeeper, module eddy-ha-zookeeper) are
 * found by {@link io.eddy.runtime.ha.HighAvailabilityServicesFactory} through {@code
 * ServiceLoader}. Bulky data (job graphs, jars) goes to the HA storage directory through {@link
 * io.eddy.runtime.ha.HaStorage} only.
 *
 * <p>Sits just above {@code graph} (it stores {@code JobGraph}s) and below everything that uses it:
 * the checkpoint coordinator, the JobMaster, the dispatcher and the entry points.
 */
package io.eddy.runtime.ha;
