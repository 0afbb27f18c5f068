package io.eddy.ha.zookeeper;

import io.eddy.runtime.ha.HighAvailabilityConfig;
import io.eddy.runtime.ha.HighAvailabilityServices;
import io.eddy.runtime.ha.HighAvailabilityServicesFactory;

/** {@code high-availability.type: zookeeper}. */
public final class ZooKeeperHaServicesFactory implements HighAvailabilityServicesFactory {
  @Override
  public String type() {
    return "zookeeper";
  }

  @Override
  public HighAvailabilityServices create(HighAvailabilityConfig config) {
    return new ZooKeeperHaServices(config);
  }
}
