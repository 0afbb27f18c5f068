package io.eddy.connector.file.sink;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * How part files are named: {@code <prefix>-<subtask>-<counter><suffix>} when finished, and {@code
 * .<prefix>-<subtask>-<counter><suffix>.inprogress.<uuid>} (hidden) while written.
 */
@PublicEvolving
public final class OutputFileConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String partPrefix;
  private final String partSuffix;

  private OutputFileConfig(String partPrefix, String partSuffix) {
    this.partPrefix = partPrefix;
    this.partSuffix = partSuffix;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String getPartPrefix() {
    return partPrefix;
  }

  public String getPartSuffix() {
    return partSuffix;
  }

  /** Builds an {@link OutputFileConfig}; defaults: prefix "part", no suffix. */
  public static final class Builder {
    private String partPrefix = "part";
    private String partSuffix = "";

    private Builder() {}

    public Builder withPartPrefix(String prefix) {
      if (prefix == null || prefix.isEmpty() || prefix.contains("/") || prefix.startsWith(".")) {
        throw new IllegalArgumentException(
            "The part prefix must be a non-empty file name part without '/' that does not start"
                + " with '.', but was '"
                + prefix
                + "'.");
      }
      this.partPrefix = prefix;
      return this;
    }

    public Builder withPartSuffix(String suffix) {
      if (suffix == null || suffix.contains("/")) {
        throw new IllegalArgumentException(
            "The part suffix must be a file name part without '/', but was '" + suffix + "'.");
      }
      this.partSuffix = suffix;
      return this;
    }

    public OutputFileConfig build() {
      return new OutputFileConfig(partPrefix, partSuffix);
    }
  }
}
