package io.eddy.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.runtime.state.StateBackend;
import io.eddy.runtime.state.StateBackends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration and housekeeping of the backend. */
class RocksDBStateBackendTest {
  @TempDir Path dir;

  @Test
  void theClusterKeysConfigureIt() {
    StateBackend backend =
        StateBackends.fromConfig(
            Map.of(
                "state.backend.type",
                "rocksdb",
                RocksDBStateBackend.MANAGED_MEMORY,
                "64m",
                RocksDBStateBackend.LOCAL_DIRECTORY,
                dir.toString()));
    assertThat(backend).isInstanceOf(RocksDBStateBackend.class);
    assertThat(((RocksDBStateBackend) backend).managedMemoryBytes()).isEqualTo(64L << 20);
    assertThat(RocksDBStateBackend.parseBytes("k", "2g")).isEqualTo(2L << 30);
    assertThat(RocksDBStateBackend.parseBytes("k", "65536")).isEqualTo(65536);
    assertThat(RocksDBStateBackend.parseBytes("k", "512 kb")).isEqualTo(512L << 10);
  }

  @Test
  void aWrongSizeIsOneLineNamingTheKey() {
    assertThatThrownBy(
            () ->
                StateBackends.fromConfig(
                    Map.of(
                        "state.backend.type",
                        "rocksdb",
                        RocksDBStateBackend.MANAGED_MEMORY,
                        "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "taskmanager.memory.managed.size: 'lots' is not a size (for example 256m, 1g or 65536)");
    assertThatThrownBy(
            () ->
                StateBackends.fromConfig(
                    Map.of(
                        "state.backend.type", "rocksdb", RocksDBStateBackend.MANAGED_MEMORY, "1m")))
        .hasMessageContaining("must be at least 8m");
  }

  @Test
  void instancesLeftByDeadProcessesAreDeletedThoseOfLiveOnesStay() throws Exception {
    long live = ProcessHandle.current().pid();
    Path mine = Files.createDirectories(dir.resolve("eddy-rocksdb-" + live + "-a/db"));
    Path dead = Files.createDirectories(dir.resolve("eddy-rocksdb-2147483646-b/db"));
    Files.writeString(dead.resolve("000001.sst"), "x");
    Path other = Files.createDirectories(dir.resolve("something-else"));
    RocksDBStateBackend.deleteInstancesOfDeadProcesses(dir);
    assertThat(mine).exists();
    assertThat(other).exists();
    assertThat(dead.getParent()).doesNotExist();
  }
}
