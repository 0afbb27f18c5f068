package io.eddy.api.fs;

import io.eddy.api.annotation.PublicEvolving;

/** Whether {@link FileSystem#create} may replace an existing file. */
@PublicEvolving
public enum WriteMode {
  /** An existing file is an error. */
  NO_OVERWRITE,
  /** An existing file is replaced. */
  OVERWRITE
}
