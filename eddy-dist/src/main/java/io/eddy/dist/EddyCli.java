package io.eddy.dist;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code eddy} command line. Subcommands do the work; errors are one line, exit code 1. */
@Command(
    name = "eddy",
    mixinStandardHelpOptions = true,
    version = "Eddy 0.1.0-SNAPSHOT",
    description = "Runs Eddy stream processing jobs.",
    subcommands = {
      RunCommand.class,
      ExampleCommand.class,
      JobManagerCommand.class,
      TaskManagerCommand.class,
      ListCommand.class,
      CancelCommand.class,
      SavepointCommand.class,
      StopCommand.class
    })
public final class EddyCli implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (for tests). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new EddyCli());
    // Everything after the jar or example name belongs to the job; other commands take options
    // anywhere (eddy stop JOB --savepoint DIR).
    cli.getSubcommands().get("run").setStopAtPositional(true);
    cli.getSubcommands().get("example").setStopAtPositional(true);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          System.err.println(
              "eddy: " + parameterError(e) + " (see 'eddy " + subcommandName(e) + "--help')");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          System.err.println("eddy: " + UserErrors.describe(e));
          return 1;
        });
    return cli.execute(args);
  }

  /**
   * The parse error to show. Picocli checks required parameters before it reports unknown options,
   * so {@code eddy run --bogus} would complain about the missing jar; the unknown option is what
   * the user needs to hear about.
   */
  private static String parameterError(CommandLine.ParameterException e) {
    List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
    if (e instanceof CommandLine.MissingParameterException
        && !unmatched.isEmpty()
        && unmatched.get(0).startsWith("-")) {
      return "Unknown option: '" + unmatched.get(0) + "'";
    }
    return e.getMessage();
  }

  private static String subcommandName(CommandLine.ParameterException e) {
    String name = e.getCommandLine().getCommandName();
    return "eddy".equals(name) ? "" : name + " ";
  }
}
