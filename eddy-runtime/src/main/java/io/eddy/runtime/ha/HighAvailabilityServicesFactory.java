package io.eddy.runtime.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Makes the {@link HighAvailabilityServices} of one type ({@code high-availability.type}); found
 * through {@code META-INF/services/io.eddy.runtime.ha.HighAvailabilityServicesFactory}. {@code
 * none} is built in.
 */
public interface HighAvailabilityServicesFactory {
  /** The type name it serves, e.g. {@code zookeeper}. */
  String type();

  HighAvailabilityServices create(HighAvailabilityConfig config);

  /**
   * The services {@code config} asks for.
   *
   * @throws IllegalArgumentException with one line naming the known types if none serves it
   */
  static HighAvailabilityServices load(HighAvailabilityConfig config) {
    if (!config.enabled()) {
      return new NoHighAvailabilityServices();
    }
    List<String> known = new ArrayList<>(List.of(HighAvailabilityConfig.NONE));
    for (HighAvailabilityServicesFactory f :
        ServiceLoader.load(
            HighAvailabilityServicesFactory.class,
            HighAvailabilityServicesFactory.class.getClassLoader())) {
      if (f.type().equals(config.type())) {
        return f.create(config);
      }
      known.add(f.type());
    }
    throw new IllegalArgumentException(
        "Unknown high-availability.type '"
            + config.type()
            + "'; known types: "
            + String.join(", ", known)
            + ".");
  }
}
