package io.eddy.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of an example's command line. Unknown options, missing values
 * and repeated options are reported as a {@link UsageException}.
 */
public final class ExampleArgs {
  private final Map<String, String> values;

  private ExampleArgs(Map<String, String> values) {
    this.values = values;
  }

  /** Parses {@code args}, accepting only the option names in {@code allowed} (without "--"). */
  public static ExampleArgs parse(String[] args, Set<String> allowed) throws UsageException {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String arg = args[i];
      if (!arg.startsWith("--") || !allowed.contains(arg.substring(2))) {
        throw new UsageException("unknown argument '" + arg + "'");
      }
      String name = arg.substring(2);
      if (i + 1 >= args.length) {
        throw new UsageException("option --" + name + " needs a value");
      }
      if (values.put(name, args[i + 1]) != null) {
        throw new UsageException("option --" + name + " is given twice");
      }
    }
    return new ExampleArgs(values);
  }

  /** The option's value, or null when it was not given. */
  public String get(String name) {
    return values.get(name);
  }

  /** The option's value; a {@link UsageException} when it was not given. */
  public String required(String name) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      throw new UsageException("option --" + name + " is required");
    }
    return value;
  }

  /**
   * The option's value as an int in {@code [min, max]}, or {@code defaultValue} when it was not
   * given.
   */
  public int getInt(String name, int defaultValue, int min, int max) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "option --"
            + name
            + " must be a number from "
            + min
            + " to "
            + max
            + ", not '"
            + value
            + "'");
  }
}
