package io.eddy.runtime.scheduler;

import io.eddy.runtime.gateway.Slot;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor.ChannelDescriptor;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor.InputDescriptor;
import io.eddy.runtime.gateway.TaskDeploymentDescriptor.OutputDescriptor;
import io.eddy.runtime.graph.EdgeConnections;
import io.eddy.runtime.graph.JobEdge;
import io.eddy.runtime.graph.JobGraph;
import io.eddy.runtime.graph.JobVertex;
import io.eddy.runtime.network.partition.ResultPartitionId;
import io.eddy.runtime.snapshot.RestoredState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parallel form of a job graph: every subtask of every vertex with its current attempt and
 * slot, and the deployment descriptors that connect them. Confined to the JobMaster thread.
 */
public final class ExecutionGraph {
  private final JobGraph jobGraph;
  private final ExecutionVertex[][] vertices;
  private final Map<String, ExecutionVertex> byAttempt = new HashMap<>();

  public ExecutionGraph(JobGraph jobGraph) {
    this.jobGraph = jobGraph;
    this.vertices = new ExecutionVertex[jobGraph.vertices().size()][];
    for (JobVertex v : jobGraph.vertices()) {
      vertices[v.index()] = new ExecutionVertex[v.parallelism()];
      for (int s = 0; s < v.parallelism(); s++) {
        vertices[v.index()][s] = new ExecutionVertex(v.index(), s);
      }
    }
  }

  /**
   * Number of slots per slot sharing group: the largest parallelism in the group, since one slot
   * holds one subtask of each vertex of its group.
   */
  public Map<String, Integer> slotsPerGroup() {
    Map<String, Integer> slots = new LinkedHashMap<>();
    for (JobVertex v : jobGraph.vertices()) {
      slots.merge(v.slotSharingGroup(), v.parallelism(), Math::max);
    }
    return slots;
  }

  public int requiredSlots() {
    return slotsPerGroup().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Starts new attempts of all subtasks in the given slots (in slotsPerGroup order). */
  public void assignSlots(List<Slot> slots) {
    Map<String, Integer> offset = new HashMap<>();
    int next = 0;
    for (Map.Entry<String, Integer> g : slotsPerGroup().entrySet()) {
      offset.put(g.getKey(), next);
      next += g.getValue();
    }
    byAttempt.clear();
    for (JobVertex v : jobGraph.vertices()) {
      int base = offset.get(v.slotSharingGroup());
      for (ExecutionVertex ev : vertices[v.index()]) {
        ev.newAttempt(slots.get(base + ev.getSubtaskIndex()));
        byAttempt.put(ev.getAttemptId(), ev);
      }
    }
  }

  /** Starts a new attempt of {@code ev} in {@code slot} (a restart of its pipelined region). */
  public void newAttempt(ExecutionVertex ev, Slot slot) {
    byAttempt.remove(ev.getAttemptId());
    ev.newAttempt(slot);
    byAttempt.put(ev.getAttemptId(), ev);
  }

  /** Whether every subtask's current attempt ended. */
  public boolean allTerminal() {
    for (ExecutionVertex[] row : vertices) {
      for (ExecutionVertex ev : row) {
        if (!ev.getState().isTerminal()) {
          return false;
        }
      }
    }
    return true;
  }

  public JobGraph getJobGraph() {
    return jobGraph;
  }

  public ExecutionVertex getByAttempt(String attemptId) {
    return byAttempt.get(attemptId);
  }

  public ExecutionVertex get(int vertex, int subtask) {
    return vertices[vertex][subtask];
  }

  public List<ExecutionVertex> all() {
    List<ExecutionVertex> all = new ArrayList<>();
    for (ExecutionVertex[] row : vertices) {
      all.addAll(List.of(row));
    }
    return all;
  }

  /**
   * The descriptor that deploys {@code ev}'s current attempt.
   *
   * @param checkpointStorageRoot where the job's checkpoints go, or null if it takes none
   * @param restoredStates per operator of the chain, what it restores (empty: nothing)
   */
  public TaskDeploymentDescriptor deploymentDescriptor(
      ExecutionVertex ev,
      String checkpointStorageRoot,
      List<RestoredState> restoredStates,
      String channelStateFile) {
    JobVertex v = jobGraph.vertices().get(ev.getVertexIndex());
    List<OutputDescriptor> outputs = new ArrayList<>();
    for (JobEdge e : jobGraph.outputsOf(v.index())) {
      JobVertex target = jobGraph.vertices().get(e.targetVertex());
      EdgeConnections c = new EdgeConnections(v.parallelism(), target.parallelism(), e.pointwise());
      outputs.add(
          new OutputDescriptor(
              new ResultPartitionId(ev.getAttemptId(), e.outputIndex()),
              c.subpartitions(ev.getSubtaskIndex())));
    }
    List<InputDescriptor> inputs = new ArrayList<>();
    for (JobEdge e : jobGraph.inputsOf(v.index())) {
      JobVertex source = jobGraph.vertices().get(e.sourceVertex());
      EdgeConnections c = new EdgeConnections(source.parallelism(), v.parallelism(), e.pointwise());
      List<ChannelDescriptor> channels = new ArrayList<>();
      for (EdgeConnections.Channel ch : c.channelsOf(ev.getSubtaskIndex())) {
        ExecutionVertex producer = vertices[e.sourceVertex()][ch.producer()];
        channels.add(
            new ChannelDescriptor(
                new ResultPartitionId(producer.getAttemptId(), e.outputIndex()),
                ch.subpartition(),
                producer.getSlot().taskManager().getLocation()));
      }
      inputs.add(new InputDescriptor(channels));
    }
    return new TaskDeploymentDescriptor(
        jobGraph.jobId(),
        jobGraph.jobName(),
        v.index(),
        v.name(),
        ev.getSubtaskIndex(),
        v.parallelism(),
        v.maxParallelism(),
        ev.getAttemptNumber(),
        ev.getAttemptId(),
        v.serializedConfig(),
        outputs,
        inputs,
        jobGraph.config().bufferTimeoutMillis(),
        jobGraph.config().autoWatermarkIntervalMillis(),
        jobGraph.config().checkpointing(),
        checkpointStorageRoot,
        restoredStates,
        channelStateFile);
  }
}
