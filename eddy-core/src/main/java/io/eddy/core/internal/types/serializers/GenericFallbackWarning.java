package io.eddy.core.internal.types.serializers;

import io.eddy.core.internal.types.reflect.PojoAnalysis;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs, once per class and JVM, that a class goes through the slow generic (Kryo) fallback. */
public final class GenericFallbackWarning {
  private static final Logger LOG = LoggerFactory.getLogger(GenericFallbackWarning.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private GenericFallbackWarning() {}

  /** Logs the warning for {@code type} unless already logged; returns whether it logged now. */
  public static boolean warnOnce(Class<?> type) {
    if (!WARNED.add(type.getName())) {
      return false;
    }
    LOG.warn(
        "Class {} is serialized with the slow generic (Kryo) fallback because {}. To get a fast"
            + " serializer, make it a record, or a POJO: a public class with a public no-arg"
            + " constructor whose fields are public or have public getters and setters.",
        type.getName(),
        reason(type));
    return true;
  }

  private static String reason(Class<?> type) {
    String problem = PojoAnalysis.of(type).problem();
    return problem != null ? problem : "it is not a supported type";
  }
}
