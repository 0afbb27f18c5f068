package io.eddy.core.internal.connector;

import io.eddy.api.annotation.Internal;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Finds the connector modules' implementations of eddy-core's connector SPIs ({@link
 * TextFileConnector}, {@link SocketConnector}) with {@link ServiceLoader}: first through the
 * thread's context class loader (the user code's loader on a cluster), then through eddy-core's
 * own.
 */
@Internal
public final class Connectors {
  private Connectors() {}

  public static TextFileConnector textFiles(String caller) {
    return load(TextFileConnector.class, caller, "eddy-connector-files");
  }

  public static SocketConnector sockets(String caller) {
    return load(SocketConnector.class, caller, "eddy-connector-socket");
  }

  private static <S> S load(Class<S> spi, String caller, String artifact) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      S found = first(ServiceLoader.load(spi, context));
      if (found != null) {
        return found;
      }
    }
    S found = first(ServiceLoader.load(spi, Connectors.class.getClassLoader()));
    if (found == null) {
      throw new IllegalStateException(
          caller
              + " needs the connector io.eddy:"
              + artifact
              + ", which is not on the classpath; add it as a dependency of the job.");
    }
    return found;
  }

  private static <S> S first(ServiceLoader<S> loader) {
    Iterator<S> it = loader.iterator();
    return it.hasNext() ? it.next() : null;
  }
}
