package io.eddy.runtime.entrypoint;

import io.eddy.runtime.cluster.Dispatcher;
import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.cluster.ResourceManager;
import io.eddy.runtime.gateway.DispatcherGateway;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.LeaderContender;
import io.eddy.runtime.ha.LeaderElection;
import io.eddy.runtime.ha.LeaderInfo;
import io.eddy.runtime.ha.LeaderRetrieval;
import io.eddy.runtime.ha.NoHighAvailabilityServices;
import io.eddy.runtime.rpc.grpc.ControlPlaneChannels;
import io.eddy.runtime.rpc.grpc.ControlPlaneConnections;
import io.eddy.runtime.rpc.grpc.GrpcBlobService;
import io.eddy.runtime.rpc.grpc.GrpcJobMasterService;
import io.eddy.runtime.rpc.grpc.GrpcResourceManagerService;
import io.eddy.runtime.rpc.grpc.ResourceManagerRegistrar;
import io.eddy.runtime.rpc.grpc.TaskManagerLivenessMonitor;
import io.grpc.Server;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager of a distributed cluster: dispatcher, JobMasters and resource manager, serving
 * TaskManager registration, the JobMasters and the jobs' jars (blob service) over gRPC, and
 * declaring TaskManagers lost when they die ({@link TaskManagerLivenessMonitor}). The REST API is
 * put on top by the caller.
 *
 * <p>With high availability it is one of several: {@link #startLeaderElection} enters the election;
 * as a standby it serves nothing but its REST API (which points to the leader); granted leadership,
 * it publishes its addresses, takes over the stored jobs and acts under its leader session id (the
 * fencing token every call to a TaskManager carries). Losing leadership (another leader, or the
 * coordination session suspended or lost) ends its leading at once: it calls the {@code
 * leadershipLost} action, which in a JobManager process halts it (a supervisor restarts it as a
 * standby).
 *
 * <pre>
 * started ─▶ standby ─▶ leader (session id) ─▶ leadership lost ─▶ halted
 * </pre>
 */
public final class JobManagerRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobManagerRunner.class);
  private final ResourceManager resourceManager = new ResourceManager();
  private final LibraryCache libraryCache = new LibraryCache();
  // Every call to a TaskManager carries this JobManager's leader session (fencing).
  private final ControlPlaneConnections connections =
      new ControlPlaneConnections(() -> this.leaderSession);
  private final Dispatcher dispatcher;
  private final Server server;
  private final String rpcAddress;
  private final TaskManagerLivenessMonitor liveness;
  private final HighAvailabilityServices ha;
  private final Runnable leadershipLost;
  private LeaderElection election;
  private LeaderRetrieval retrieval;

  /** The session this JobManager leads under, or null while it does not lead. */
  private volatile String leaderSession;

  /** The current leader as published (with HA), or null. */
  private volatile LeaderInfo leader;

  private JobManagerRunner(
      JobManagerRunnerConfig config, HighAvailabilityServices ha, Runnable leadershipLost) {
    this.ha = ha;
    this.leadershipLost = leadershipLost;
    this.dispatcher = new Dispatcher(resourceManager, libraryCache, null, ha); // the system clock
    // The registrar needs our address before the server exists; it is only used once TaskManagers
    // register, i.e. after the server started.
    String[] self = new String[1];
    ResourceManagerRegistrar registrar =
        new ResourceManagerRegistrar(
            resourceManager, r -> connections.taskExecutor(r, () -> self[0]));
    String bind = config.host() + ":" + config.rpcPort();
    this.server =
        ControlPlaneChannels.start(
            bind,
            List.of(
                new GrpcJobMasterService(dispatcher::findJobMaster),
                new GrpcResourceManagerService(registrar),
                new GrpcBlobService(libraryCache)));
    this.rpcAddress = ControlPlaneChannels.target(server, bind);
    self[0] = rpcAddress;
    this.liveness =
        new TaskManagerLivenessMonitor(
            registrar, config.heartbeatInterval(), config.heartbeatTimeout(), connections::channel);
  }

  /**
   * Starts serving without high availability; fails with a one-line message if the port is taken.
   */
  public static JobManagerRunner start(JobManagerRunnerConfig config) {
    return new JobManagerRunner(config, new NoHighAvailabilityServices(), () -> {});
  }

  /**
   * Starts serving; it leads only after {@link #startLeaderElection} and the election granted it.
   *
   * @param leadershipLost what to do when leadership is lost: it must stop this JobManager's
   *     leading at once (a JobManager process halts)
   */
  public static JobManagerRunner start(
      JobManagerRunnerConfig config, HighAvailabilityServices ha, Runnable leadershipLost) {
    return new JobManagerRunner(config, ha, leadershipLost);
  }

  /**
   * Enters the leader election (without HA this JobManager leads at once). The leader publishes
   * {@code restAddress} with its control-plane address.
   */
  public synchronized void startLeaderElection(String restAddress) {
    if (ha.isHighlyAvailable()) {
      retrieval = ha.leaderRetrieval();
      retrieval.start(info -> leader = info);
    }
    election = ha.leaderElection();
    election.start(
        new LeaderContender() {
          @Override
          public void grantLeadership(String sessionId) {
            leaderSession = sessionId;
            LeaderInfo me = new LeaderInfo(sessionId, rpcAddress, restAddress);
            if (!election.publish(me)) {
              return; // lost again meanwhile; revokeLeadership follows
            }
            leader = me;
            LOG.info(
                "This JobManager leads (session {}) with {}, REST API at {}",
                sessionId,
                ha.describe(),
                restAddress);
            dispatcher.recoverJobs();
          }

          @Override
          public void revokeLeadership() {
            String session = leaderSession;
            leaderSession = null;
            if (session != null) {
              LOG.error(
                  "This JobManager lost its leadership (session {}): it stops leading now",
                  session);
              leadershipLost.run();
            }
          }
        });
  }

  /** The session this JobManager leads under, or null while it does not lead. */
  public String leaderSession() {
    return leaderSession;
  }

  /** The current leader as this JobManager knows it (itself, when it leads), or null. */
  public LeaderInfo leader() {
    return leader;
  }

  /** Where TaskManagers reach this JobManager: host:port. */
  public String rpcAddress() {
    return rpcAddress;
  }

  public DispatcherGateway dispatcher() {
    return dispatcher;
  }

  public LibraryCache libraryCache() {
    return libraryCache;
  }

  public ResourceManager resourceManager() {
    return resourceManager;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (election != null) {
        election.close();
      }
      if (retrieval != null) {
        retrieval.close();
      }
    }
    liveness.close();
    dispatcher.close();
    server.shutdownNow();
    connections.close();
    ha.close();
  }
}
