package io.eddy.runtime.gateway;

/** A request named a job this cluster does not know (never submitted, or long finished). */
public final class UnknownJobException extends IllegalArgumentException {
  public UnknownJobException(String jobId) {
    super("No job with id " + jobId + " is known to this cluster.");
  }
}
