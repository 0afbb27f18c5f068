package io.eddy.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md §6 and the rules the execution model depends on. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.eddy");

  /**
   * The runtime's packages, top layer first (docs/architecture.md, "Package map"): a package may
   * import its own layer and the layers below, never one above. A package in two rows is an error;
   * a package in none fails {@link #everyRuntimePackageHasALayer}.
   */
  static final List<String[]> LAYERS =
      List.of(
          new String[] {"io.eddy.runtime.entrypoint.."},
          new String[] {"io.eddy.runtime.client.."},
          new String[] {"io.eddy.runtime.minicluster.."},
          new String[] {"io.eddy.runtime.rpc.grpc..", "io.eddy.runtime.rpc.proto.."},
          new String[] {"io.eddy.runtime.cluster.."},
          new String[] {"io.eddy.runtime.jobmaster.."},
          new String[] {"io.eddy.runtime.scheduler.."},
          new String[] {"io.eddy.runtime.source.."},
          new String[] {"io.eddy.runtime.checkpoint.."},
          new String[] {"io.eddy.runtime.compiler.."},
          new String[] {"io.eddy.runtime.task.."},
          new String[] {"io.eddy.runtime.operators.."},
          new String[] {"io.eddy.runtime.gateway.."},
          new String[] {"io.eddy.runtime.network.."},
          new String[] {"io.eddy.runtime.state.."},
          new String[] {"io.eddy.runtime.storage.."},
          new String[] {"io.eddy.runtime.keygroup.."},
          new String[] {"io.eddy.runtime.snapshot.."},
          new String[] {"io.eddy.runtime.ha.."},
          new String[] {"io.eddy.runtime.graph.."},
          new String[] {
            "io.eddy.runtime.streamrecord..", "io.eddy.runtime.time..", "io.eddy.runtime.rpc"
          });

  @Test
  void runtimePackagesImportOnlyDownward() {
    for (int i = 1; i < LAYERS.size(); i++) {
      String[] above = LAYERS.subList(0, i).stream().flatMap(Arrays::stream).toArray(String[]::new);
      noClasses()
          .that()
          .resideInAnyPackage(LAYERS.get(i))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(above)
          .because("a lower layer of the runtime takes a port, not an import of a higher one")
          .check(CLASSES);
    }
  }

  @Test
  void everyRuntimePackageHasALayer() {
    classes()
        .that()
        .resideInAPackage("io.eddy.runtime..")
        .should()
        .resideInAnyPackage(LAYERS.stream().flatMap(Stream::of).toArray(String[]::new))
        .because("a new package takes its place in the layers of docs/architecture.md")
        .check(CLASSES);
  }

  @Test
  void nothingOutsideTheHeapBackendNamesIt() {
    noClasses()
        .that()
        .resideInAPackage("io.eddy.runtime..")
        .and()
        .resideOutsideOfPackage("io.eddy.runtime.state.heap..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.eddy.runtime.state.heap..")
        .because("operators and tasks use the KeyedStateBackend and StateBackend interfaces")
        .check(CLASSES);
  }

  @Test
  void nothingOutsideTheStorageReadsOrWritesStateFilesByPath() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.eddy.runtime.state..",
            "io.eddy.runtime.snapshot..",
            "io.eddy.runtime.checkpoint..",
            "io.eddy.runtime.scheduler..",
            "io.eddy.runtime.jobmaster..",
            "io.eddy.runtime.task..",
            "io.eddy.runtime.operators..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.nio.file..")
        .because("checkpoint and state files are addressed by location through the storage SPI")
        .check(CLASSES);
  }

  @Test
  void coreDoesNotDependOnTheRuntime() {
    noClasses()
        .that()
        .resideInAnyPackage("io.eddy.api..", "io.eddy.core..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.eddy.runtime..")
        .check(CLASSES);
  }

  @Test
  void publicApiDoesNotExposeRuntimeOperators() {
    noClasses()
        .that()
        .resideInAPackage("io.eddy.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.eddy.runtime.operators..")
        .check(CLASSES);
  }

  @Test
  void operatorsTakeNoLocks() {
    noClasses()
        .that()
        .resideInAPackage("io.eddy.runtime.operators..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.util.concurrent.locks..")
        .check(CLASSES);
  }

  /**
   * Tasks and operators reach the control plane only through their ports (CheckpointResponder,
   * TaskStateListener, OperatorEventGateway, CollectResultsPort), never through the gateways.
   */
  @Test
  void tasksAndOperatorsUseTheirPortsNotTheGateways() {
    noClasses()
        .that()
        .resideInAnyPackage("io.eddy.runtime.task..", "io.eddy.runtime.operators..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.eddy.runtime.gateway.JobMasterGateway")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.eddy.runtime.gateway.TaskExecutorGateway")
        .check(CLASSES);
  }

  /** The checkpoint coordinator reaches subtasks through its SubtaskCheckpointTrigger port. */
  @Test
  void checkpointCoordinatorUsesItsPortNotTheGateways() {
    noClasses()
        .that()
        .resideInAPackage("io.eddy.runtime.checkpoint..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.eddy.runtime.gateway.TaskExecutorGateway")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.eddy.runtime.gateway.JobMasterGateway")
        .check(CLASSES);
  }

  /**
   * Serializers may restore transient fields in readObject, but never open Java object streams; nor
   * does the gRPC control plane (DESIGN.md §4: no Java serialization from the network).
   */
  @Test
  void nativeJavaSerializationStaysOffTheDataPlane() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.eddy.runtime.network..",
            "io.eddy.runtime.rpc..",
            "io.eddy.runtime.streamrecord..",
            "io.eddy.runtime.state..",
            "io.eddy.runtime.checkpoint..",
            "io.eddy.core.internal.types..",
            "io.eddy.core.internal.memory..")
        .should()
        .callConstructor(ObjectOutputStream.class, OutputStream.class)
        .orShould()
        .callConstructor(ObjectInputStream.class, InputStream.class)
        .check(CLASSES);
  }
}
