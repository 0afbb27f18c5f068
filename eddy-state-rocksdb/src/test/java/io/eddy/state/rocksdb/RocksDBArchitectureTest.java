package io.eddy.state.rocksdb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.eddy.runtime.state.heap.NamespaceSerializer;
import org.junit.jupiter.api.Test;

/**
 * The backend sits on the runtime's state SPI, as a module of its own would: it names no runtime
 * package above {@code state} (tasks, operators, the control plane), and of the heap backend only
 * the namespace serializer, whose encoding of windows the canonical snapshot format uses.
 */
class RocksDBArchitectureTest {
  private static final JavaClasses BACKEND =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.eddy.state.rocksdb");

  @Test
  void namesNoRuntimePackageAboveTheStateSpi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.eddy.runtime.entrypoint..",
            "io.eddy.runtime.client..",
            "io.eddy.runtime.minicluster..",
            "io.eddy.runtime.rpc.grpc..",
            "io.eddy.runtime.cluster..",
            "io.eddy.runtime.jobmaster..",
            "io.eddy.runtime.scheduler..",
            "io.eddy.runtime.source..",
            "io.eddy.runtime.checkpoint..",
            "io.eddy.runtime.compiler..",
            "io.eddy.runtime.task..",
            "io.eddy.runtime.operators..",
            "io.eddy.runtime.gateway..",
            "io.eddy.runtime.network..")
        .check(BACKEND);
  }

  @Test
  void ofTheHeapBackendNamesOnlyItsNamespaceSerializer() {
    noClasses()
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "in state.heap other than NamespaceSerializer",
                c ->
                    c.getPackageName().equals("io.eddy.runtime.state.heap")
                        && !c.getName().equals(NamespaceSerializer.class.getName())))
        .check(BACKEND);
  }
}
