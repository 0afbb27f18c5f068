package io.eddy.runtime.rpc.grpc;

import io.eddy.api.common.accumulators.Accumulator;
import io.eddy.api.common.accumulators.IntCounter;
import io.eddy.api.common.accumulators.LongCounter;
import io.eddy.runtime.gateway.ExecutionState;
import io.eddy.runtime.gateway.TaskExecutionState;
import io.eddy.runtime.rpc.proto.AccumulatorValue;
import io.eddy.runtime.rpc.proto.Failure;
import io.eddy.runtime.rpc.proto.StackFrame;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link TaskExecutionState} ↔ Protobuf. Failures travel as text (see {@link RemoteFailure});
 * accumulators as typed values: only the built-in {@link IntCounter} and {@link LongCounter}, as a
 * custom accumulator would need Java deserialization of a user object on the JobManager.
 */
public final class TaskStateCodec {
  /** Causes deeper than this are cut (a cycle or a pathological chain must not blow the stack). */
  static final int MAX_CAUSE_DEPTH = 16;

  private TaskStateCodec() {}

  public static io.eddy.runtime.rpc.proto.TaskExecutionState toProto(TaskExecutionState s) {
    var b =
        io.eddy.runtime.rpc.proto.TaskExecutionState.newBuilder()
            .setJobId(s.jobId())
            .setAttemptId(s.attemptId())
            .setState(io.eddy.runtime.rpc.proto.ExecutionState.forNumber(s.state().ordinal() + 1));
    if (s.failure() != null) {
      b.setFailure(toProto(s.failure(), 0));
    }
    if (s.accumulators() != null) {
      b.setHasAccumulators(true);
      s.accumulators().forEach((name, acc) -> b.putAccumulators(name, toProto(name, acc)));
    }
    return b.build();
  }

  public static TaskExecutionState fromProto(io.eddy.runtime.rpc.proto.TaskExecutionState p) {
    var state = p.getState();
    if (state == io.eddy.runtime.rpc.proto.ExecutionState.EXECUTION_STATE_UNSPECIFIED
        || state == io.eddy.runtime.rpc.proto.ExecutionState.UNRECOGNIZED) {
      throw new IllegalArgumentException("Unknown execution state " + state);
    }
    Map<String, Accumulator<?, ?>> accumulators = null;
    if (p.getHasAccumulators()) {
      accumulators = new LinkedHashMap<>();
      for (var e : p.getAccumulatorsMap().entrySet()) {
        accumulators.put(e.getKey(), fromProto(e.getKey(), e.getValue()));
      }
    }
    return new TaskExecutionState(
        p.getJobId(),
        p.getAttemptId(),
        ExecutionState.values()[state.getNumber() - 1],
        p.hasFailure() ? fromProto(p.getFailure()) : null,
        accumulators);
  }

  static Failure toProto(Throwable t, int depth) {
    Failure.Builder b = Failure.newBuilder().setClassName(className(t));
    if (t.getMessage() != null) {
      b.setMessage(t.getMessage());
    }
    for (StackTraceElement e : t.getStackTrace()) {
      StackFrame.Builder f =
          StackFrame.newBuilder()
              .setDeclaringClass(e.getClassName())
              .setMethodName(e.getMethodName())
              .setLineNumber(e.getLineNumber());
      if (e.getFileName() != null) {
        f.setFileName(e.getFileName());
      }
      if (e.getClassLoaderName() != null) {
        f.setClassLoaderName(e.getClassLoaderName());
      }
      if (e.getModuleName() != null) {
        f.setModuleName(e.getModuleName());
      }
      if (e.getModuleVersion() != null) {
        f.setModuleVersion(e.getModuleVersion());
      }
      b.addStackTrace(f);
    }
    if (t.getCause() != null && t.getCause() != t && depth < MAX_CAUSE_DEPTH) {
      b.setCause(toProto(t.getCause(), depth + 1));
    }
    return b.build();
  }

  static RemoteFailure fromProto(Failure p) {
    RemoteFailure f = new RemoteFailure(p.getClassName(), p.hasMessage() ? p.getMessage() : null);
    f.setStackTrace(
        p.getStackTraceList().stream()
            .map(
                s ->
                    new StackTraceElement(
                        s.hasClassLoaderName() ? s.getClassLoaderName() : null,
                        s.hasModuleName() ? s.getModuleName() : null,
                        s.hasModuleVersion() ? s.getModuleVersion() : null,
                        s.getDeclaringClass(),
                        s.getMethodName(),
                        s.hasFileName() ? s.getFileName() : null,
                        s.getLineNumber()))
            .toArray(StackTraceElement[]::new));
    if (p.hasCause()) {
      f.initCause(fromProto(p.getCause()));
    }
    return f;
  }

  private static String className(Throwable t) {
    return t instanceof RemoteFailure r ? r.getOriginalClassName() : t.getClass().getName();
  }

  private static AccumulatorValue toProto(String name, Accumulator<?, ?> acc) {
    if (acc instanceof IntCounter c) {
      return AccumulatorValue.newBuilder().setIntCounter(c.getLocalValue()).build();
    }
    if (acc instanceof LongCounter c) {
      return AccumulatorValue.newBuilder().setLongCounter(c.getLocalValue()).build();
    }
    throw new IllegalArgumentException(
        "Accumulator '"
            + name
            + "' is a "
            + acc.getClass().getName()
            + ": only IntCounter and LongCounter cross the gRPC control plane");
  }

  private static Accumulator<?, ?> fromProto(String name, AccumulatorValue v) {
    return switch (v.getValueCase()) {
      case INT_COUNTER -> new IntCounter(v.getIntCounter());
      case LONG_COUNTER -> new LongCounter(v.getLongCounter());
      case VALUE_NOT_SET ->
          throw new IllegalArgumentException("Accumulator '" + name + "' is empty");
    };
  }
}
