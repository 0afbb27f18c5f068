package io.eddy.dist;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eddy run [-p N] [-c CLASS] JAR [ARGS...]}: runs a job jar on the embedded cluster. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs the main class of a job jar. Without -m the job runs on an embedded cluster in this process.")
final class RunCommand implements Callable<Integer> {

  @Option(
      names = {"-p", "--parallelism"},
      paramLabel = "N",
      description = "Default parallelism of the job (default: number of CPU cores).")
  int parallelism;

  @Option(
      names = {"-c", "--class"},
      paramLabel = "CLASS",
      description = "Main class (default: Main-Class of the jar's manifest).")
  String mainClass;

  @Parameters(index = "0", paramLabel = "JAR", description = "The job jar.")
  Path jar;

  @Parameters(
      index = "1..*",
      paramLabel = "ARGS",
      description = "Arguments for the job's main method.")
  List<String> jobArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("Job jar not found: " + jar);
    }
    String className = mainClass != null ? mainClass : manifestMainClass(jar);
    return JobLauncher.launch(new URL[] {jar.toUri().toURL()}, className, jobArgs, parallelism);
  }

  private static String manifestMainClass(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      String main =
          file.getManifest() == null
              ? null
              : file.getManifest().getMainAttributes().getValue("Main-Class");
      if (main == null) {
        throw new IllegalArgumentException(
            "The jar "
                + jar
                + " names no Main-Class in its manifest: pass the class with -c CLASS.");
      }
      return main;
    }
  }
}
