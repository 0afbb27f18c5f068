package io.eddy.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md §6 and the rules the execution model depends on. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.eddy");

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
        .callConstructor(java.io.ObjectOutputStream.class, java.io.OutputStream.class)
        .orShould()
        .callConstructor(java.io.ObjectInputStream.class, java.io.InputStream.class)
        .check(CLASSES);
  }
}
