package io.eddy.runtime.rpc.grpc;

import io.grpc.Status;

/**
 * A control-plane call failed: the peer was unreachable, the deadline passed, or the peer's handler
 * failed. The message names the call, the peer and the gRPC status.
 */
public final class ControlPlaneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status.Code code;

  public ControlPlaneException(String message, Status.Code code, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The gRPC status code, e.g. {@code DEADLINE_EXCEEDED} or {@code UNAVAILABLE}. */
  public Status.Code getCode() {
    return code;
  }
}
