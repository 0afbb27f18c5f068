package io.eddy.runtime.rpc.grpc;

/**
 * A failure that happened in another process, rebuilt from text: the original class name, message,
 * stack frames and causes, without loading the original class or Java deserialization. {@link
 * #toString()} reads like the original's ("class.Name: message").
 */
public final class RemoteFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String originalClassName;

  public RemoteFailure(String originalClassName, String message) {
    super(message);
    this.originalClassName = originalClassName;
  }

  /** The class name of the exception thrown in the remote process. */
  public String getOriginalClassName() {
    return originalClassName;
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalClassName : originalClassName + ": " + message;
  }
}
