package io.eddy.dist;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eddy example NAME [ARGS...]}: runs one of the bundled examples. */
@Command(
    name = "example",
    mixinStandardHelpOptions = true,
    description =
        "Runs a bundled example on the embedded cluster: WordCount, SocketWordCount or PartitionRebalance.")
final class ExampleCommand implements Callable<Integer> {
  static final List<String> EXAMPLES =
      List.of("WordCount", "SocketWordCount", "PartitionRebalance");

  @Option(
      names = {"-p", "--parallelism"},
      paramLabel = "N",
      description = "Default parallelism (default: number of CPU cores).")
  int parallelism;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "The example: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Names.class)
  String name;

  @Parameters(
      index = "1..*",
      paramLabel = "ARGS",
      description = "The example's arguments, e.g. --input FILE.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!EXAMPLES.contains(name)) {
      throw new IllegalArgumentException(
          "Unknown example '" + name + "'; choose one of " + String.join(", ", EXAMPLES) + ".");
    }
    return JobLauncher.launch(new URL[0], "io.eddy.examples." + name, args, parallelism);
  }

  /** The example names, for help and completion. */
  static final class Names extends ArrayList<String> {
    Names() {
      super(EXAMPLES);
    }
  }
}
