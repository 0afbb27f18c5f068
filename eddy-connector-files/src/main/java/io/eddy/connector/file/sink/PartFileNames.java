package io.eddy.connector.file.sink;

import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of part files: {@code <prefix>-<subtask>-<counter><suffix>} when finished and {@code
 * .<prefix>-<subtask>-<counter><suffix>.inprogress.<uuid>} while written. The leading dot hides
 * unfinished files from most readers; the uuid keeps a retried attempt from reopening a file of a
 * failed one.
 */
final class PartFileNames {
  private static final String IN_PROGRESS = ".inprogress.";
  private final String prefix;
  private final String suffix;
  private final Pattern inProgressPattern;

  PartFileNames(OutputFileConfig config) {
    this.prefix = config.getPartPrefix();
    this.suffix = config.getPartSuffix();
    this.inProgressPattern =
        Pattern.compile(
            "\\."
                + Pattern.quote(prefix)
                + "-(\\d+)-(\\d+)"
                + Pattern.quote(suffix)
                + Pattern.quote(IN_PROGRESS)
                + ".+");
  }

  String finalName(int subtask, long counter) {
    return prefix + "-" + subtask + "-" + counter + suffix;
  }

  String inProgressName(int subtask, long counter) {
    return "." + finalName(subtask, counter) + IN_PROGRESS + UUID.randomUUID();
  }

  /** The subtask index in an in-progress file's name, or -1 if it is not one of ours. */
  int inProgressSubtask(Path file) {
    Matcher m = inProgressPattern.matcher(file.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Matches this subtask's finished and in-progress names; group 1 is the counter. */
  Pattern anyNameOf(int subtask) {
    return Pattern.compile(
        "\\.?"
            + Pattern.quote(prefix + "-" + subtask + "-")
            + "(\\d+)"
            + Pattern.quote(suffix)
            + "("
            + Pattern.quote(IN_PROGRESS)
            + ".+)?");
  }
}
