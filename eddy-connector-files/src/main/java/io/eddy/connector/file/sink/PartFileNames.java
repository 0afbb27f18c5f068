package io.eddy.connector.file.sink;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of part files: {@code <prefix>-<subtask>-<counter><suffix>} when finished; on a file system
 * whose in-progress files are hidden files beside the final ones, {@code
 * .<prefix>-<subtask>-<counter><suffix>.inprogress.<uuid>} while written (the file system's
 * recoverable writer names them so; the leading dot hides them from most readers).
 *
 * <p>On an object store an open part file is an upload nobody can list, so a restarted writer
 * cannot see which counters are taken; there each writer adds its own id: {@code
 * <prefix>-<subtask>-<counter>-<writerId><suffix>}.
 */
final class PartFileNames {
  private static final String IN_PROGRESS = ".inprogress.";
  private final String prefix;
  private final String suffix;
  private final String writerId; // null where counters are enough
  private final Pattern inProgressPattern;

  PartFileNames(OutputFileConfig config, String writerId) {
    this.prefix = config.getPartPrefix();
    this.suffix = config.getPartSuffix();
    this.writerId = writerId;
    this.inProgressPattern =
        Pattern.compile(
            "\\."
                + Pattern.quote(prefix)
                + "-(\\d+)-(\\d+)(-[0-9a-f]+)?"
                + Pattern.quote(suffix)
                + Pattern.quote(IN_PROGRESS)
                + ".+");
  }

  String finalName(int subtask, long counter) {
    return prefix
        + "-"
        + subtask
        + "-"
        + counter
        + (writerId == null ? "" : "-" + writerId)
        + suffix;
  }

  /** The subtask index in an in-progress file's name, or -1 if it is not one of ours. */
  int inProgressSubtask(String fileName) {
    Matcher m = inProgressPattern.matcher(fileName);
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Matches this subtask's finished and in-progress names; group 1 is the counter. */
  Pattern anyNameOf(int subtask) {
    return Pattern.compile(
        "\\.?"
            + Pattern.quote(prefix + "-" + subtask + "-")
            + "(\\d+)(-[0-9a-f]+)?"
            + Pattern.quote(suffix)
            + "("
            + Pattern.quote(IN_PROGRESS)
            + ".+)?");
  }
}
