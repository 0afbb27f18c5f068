package io.eddy.dist;

import io.eddy.core.execution.PipelineExecutors;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/** Loads a job's main class in a class loader of its own and runs it. */
final class JobLauncher {
  private JobLauncher() {}

  static int launch(URL[] classPath, String className, List<String> args, int parallelism)
      throws Exception {
    if (parallelism < 0) {
      throw new IllegalArgumentException(
          "Parallelism must be at least 1, but was " + parallelism + ".");
    }
    ClassLoader loader = new URLClassLoader(classPath, JobLauncher.class.getClassLoader());
    Class<?> main;
    try {
      main = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "Main class " + className + " was not found in the job jar.");
    }
    Method method;
    try {
      method = main.getMethod("main", String[].class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          "Class " + className + " has no 'public static void main(String[])'.");
    }
    if (!Modifier.isStatic(method.getModifiers())) {
      throw new IllegalArgumentException("The main method of " + className + " must be static.");
    }
    Thread current = Thread.currentThread();
    ClassLoader previous = current.getContextClassLoader();
    current.setContextClassLoader(loader);
    PipelineExecutors.setContextParallelism(parallelism);
    try {
      method.invoke(null, (Object) args.toArray(new String[0]));
      return 0;
    } finally {
      PipelineExecutors.setContextParallelism(0);
      current.setContextClassLoader(previous);
    }
  }
}
