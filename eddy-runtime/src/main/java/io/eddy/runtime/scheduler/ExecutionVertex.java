package io.eddy.runtime.scheduler;

import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.Slot;
import java.util.UUID;

/** One subtask of a job vertex and its current attempt. Confined to the JobMaster thread. */
public final class ExecutionVertex {
  private final int vertexIndex;
  private final int subtaskIndex;
  private int attemptNumber = -1;
  private String attemptId;
  private ExecutionState state = ExecutionState.DEPLOYING;
  private Slot slot;

  ExecutionVertex(int vertexIndex, int subtaskIndex) {
    this.vertexIndex = vertexIndex;
    this.subtaskIndex = subtaskIndex;
  }

  /** Starts a new attempt (the first, or after a failure). */
  void newAttempt(Slot slot) {
    this.attemptNumber++;
    this.attemptId = UUID.randomUUID().toString();
    this.state = ExecutionState.DEPLOYING;
    this.slot = slot;
  }

  public int getVertexIndex() {
    return vertexIndex;
  }

  public int getSubtaskIndex() {
    return subtaskIndex;
  }

  public int getAttemptNumber() {
    return attemptNumber;
  }

  public String getAttemptId() {
    return attemptId;
  }

  public ExecutionState getState() {
    return state;
  }

  public void setState(ExecutionState state) {
    this.state = state;
  }

  public Slot getSlot() {
    return slot;
  }
}
