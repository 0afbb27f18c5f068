package io.eddy.fs.hadoop;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.security.AccessControlException;

/**
 * Turns the HDFS client's exceptions into Eddy's: one line that names the location and the cause
 * (the client's own message is often several lines with a wiki link), the original attached as the
 * cause for the log.
 */
final class HdfsErrors {
  private HdfsErrors() {}

  /**
   * The exception to throw for {@code e}, raised while doing {@code action} ("Cannot create") on
   * {@code location} of the name node {@code nameNode}.
   */
  static IOException translate(String action, String location, URI nameNode, Exception e) {
    if (e instanceof RemoteException remote) {
      IOException unwrapped =
          remote.unwrapRemoteException(
              FileNotFoundException.class,
              AccessControlException.class,
              FileAlreadyExistsException.class,
              PathIsNotEmptyDirectoryException.class);
      if (unwrapped != remote) {
        return translate(action, location, nameNode, unwrapped);
      }
    }
    if (e instanceof FileNotFoundException) {
      return withCause(new FileNotFoundException(location + " does not exist"), e);
    }
    if (e instanceof FileAlreadyExistsException) {
      // as the other file systems: callers may tell this case by its type
      return withCause(
          new java.nio.file.FileAlreadyExistsException(location, null, "it exists already"), e);
    }
    if (e instanceof PathIsNotEmptyDirectoryException) {
      return new IOException(action + " " + location + ": the directory is not empty", e);
    }
    String unreachable = unreachable(e);
    if (unreachable != null) {
      return new IOException("Cannot reach HDFS at " + nameNode + " (" + unreachable + ")", e);
    }
    if (e instanceof java.io.InterruptedIOException) {
      return (java.io.InterruptedIOException) e;
    }
    // AccessControlException: "Permission denied: user=bob, access=WRITE, inode=..."
    return new IOException(action + " " + location + ": " + firstLine(e), e);
  }

  /** Why the name node or a data node could not be reached, or null if that is not the cause. */
  private static String unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException) {
        Throwable root = rootCause(t);
        return root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root);
      }
    }
    return null;
  }

  static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The first line of a message, without Hadoop's "For more details see" links. */
  static String firstLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    String line = (newline < 0 ? message : message.substring(0, newline)).strip();
    int details = line.indexOf("; For more details see");
    return details < 0 ? line : line.substring(0, details);
  }

  private static <T extends IOException> T withCause(T e, Throwable cause) {
    e.initCause(cause);
    return e;
  }
}
