package io.eddy.runtime.jobmaster;

import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.JobMasterGateway;
import io.eddy.runtime.scheduler.ExecutionGraph;
import io.eddy.runtime.scheduler.ExecutionVertex;
import io.eddy.runtime.scheduler.JobStateRestore;
import java.util.List;
import java.util.function.Supplier;

/**
 * Deploys subtask attempts to their slots' TaskManagers, with the state they restore, and cancels
 * them. A deployment that fails is reported to the job only if the attempt is still the current
 * one. JobMaster main thread only; deployment answers are posted back to it.
 */
public final class TaskDeployer {
  /** What the deployer needs of the job; every method runs on the JobMaster's main thread. */
  public interface Job {
    /** The deployment of {@code ev}'s current attempt failed. */
    void deploymentFailed(ExecutionVertex ev, Throwable cause);

    void runAsync(Runnable action);
  }

  private final JobMasterGateway jobMaster;
  private final JobStateRestore restore;
  private final Supplier<String> checkpointDirectory;
  private final Job job;

  /**
   * @param jobMaster where the deployed tasks report
   * @param restore the state the attempts restore
   * @param checkpointDirectory where the tasks write checkpoints, or null if the job takes none
   */
  TaskDeployer(
      JobMasterGateway jobMaster,
      JobStateRestore restore,
      Supplier<String> checkpointDirectory,
      Job job) {
    this.jobMaster = jobMaster;
    this.restore = restore;
    this.checkpointDirectory = checkpointDirectory;
    this.job = job;
  }

  /** Deploys the current attempts of {@code subtasks}, restoring the state restore's snapshot. */
  public void deploy(ExecutionGraph executionGraph, List<ExecutionVertex> subtasks) {
    for (ExecutionVertex ev : subtasks) {
      String attemptId = ev.getAttemptId();
      ev.getSlot()
          .taskManager()
          .submitTask(
              executionGraph.deploymentDescriptor(
                  ev,
                  checkpointDirectory.get(),
                  restore.restoredStates(ev),
                  restore.channelStateFile(ev)),
              jobMaster)
          .whenComplete(
              (ok, e) -> {
                if (e != null) {
                  job.runAsync(
                      () -> {
                        if (attemptId.equals(ev.getAttemptId())) { // not a replaced attempt
                          job.deploymentFailed(ev, e);
                        }
                      });
                }
              });
    }
  }

  /** Cancels every attempt that has not ended. */
  public void cancelRunning(ExecutionGraph executionGraph) {
    for (ExecutionVertex ev : executionGraph.all()) {
      if (!ev.getState().isTerminal()) {
        cancel(ev);
      }
    }
  }

  /** Cancels {@code ev}'s current attempt: its CANCELED report is then expected, not a failure. */
  public void cancel(ExecutionVertex ev) {
    ev.setState(ExecutionState.CANCELING);
    ev.getSlot().taskManager().cancelTask(ev.getAttemptId());
  }
}
