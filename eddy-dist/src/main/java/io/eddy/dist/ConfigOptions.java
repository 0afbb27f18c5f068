package io.eddy.dist;

import io.eddy.api.fs.FileSystems;
import io.eddy.runtime.storage.LocalStateCopies;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} and {@code -Dkey=value} options of the commands that start a process (a
 * picocli mixin), and the configuration they give together with the command's own flags.
 */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration file (keys and defaults: see README).")
  Path configFile;

  @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Overrides a configuration key.")
  Map<String, String> overrides = new LinkedHashMap<>();

  private final Map<String, String> flags = new LinkedHashMap<>();

  /** Sets {@code key} from a command flag, if the flag was given (it wins over {@code -D}). */
  ConfigOptions flag(String key, Object value) {
    if (value != null) {
      flags.put(key, value.toString());
    }
    return this;
  }

  /**
   * The file's keys, then the {@code -D} overrides, then the flags. The process's file systems
   * ({@code s3.*}, {@code fs.*} keys) and local recovery are configured from the result.
   */
  EddyConfig load() {
    Map<String, String> all = new LinkedHashMap<>(overrides);
    all.putAll(flags);
    EddyConfig config = EddyConfig.load(configFile, all);
    FileSystems.configure(config.asMap());
    LocalStateCopies.setAllowed(Boolean.parseBoolean(config.get("state.backend.local-recovery")));
    return config;
  }
}
