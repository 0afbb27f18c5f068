package io.eddy.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EddyConfigTest {
  @Test
  void defaults() {
    EddyConfig c = EddyConfig.load(null, Map.of());
    assertThat(c.get("rest.port")).isEqualTo("8081");
    assertThat(c.get("rest.bind-address")).isEqualTo("127.0.0.1");
    assertThat(c.get("taskmanager.slots")).isEqualTo("4");
    assertThat(c.get("state.savepoints.dir")).isNull();
  }

  @Test
  void yamlNestedAndDottedKeysThenOverrides(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("eddy.yaml");
    Files.writeString(
        file,
        "rest:\n  port: 9000\n  bind-address: 0.0.0.0\ntaskmanager.slots: 8\n"
            + "state:\n  savepoints:\n    dir: /sp\n");
    EddyConfig c = EddyConfig.load(file, Map.of("rest.port", "9100"));
    assertThat(c.getInt("rest.port", 0)).isEqualTo(9100);
    assertThat(c.get("rest.bind-address")).isEqualTo("0.0.0.0");
    assertThat(c.getInt("taskmanager.slots", 1)).isEqualTo(8);
    assertThat(c.get("state.savepoints.dir")).isEqualTo("/sp");
  }

  @Test
  void mistakesAreOneLine(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> EddyConfig.load(null, Map.of("rest.prot", "1")))
        .hasMessageStartingWith("Unknown configuration key 'rest.prot'; known keys: rest.port");
    assertThatThrownBy(() -> EddyConfig.load(dir.resolve("nope.yaml"), Map.of()))
        .hasMessageStartingWith("Configuration file not found:");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "rest: [unclosed\n");
    assertThatThrownBy(() -> EddyConfig.load(bad, Map.of()))
        .hasMessageStartingWith("Cannot read the configuration file");
    assertThatThrownBy(
            () ->
                EddyConfig.load(null, Map.of("taskmanager.slots", "0"))
                    .getInt("taskmanager.slots", 1))
        .hasMessage("taskmanager.slots must be a whole number of at least 1, but was '0'.");
  }

  @Test
  void theJobManagerCommandRejectsAnUnknownKeyAsOneLine() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.err;
    System.setErr(new java.io.PrintStream(err, true));
    try {
      assertThat(EddyCli.execute("jobmanager", "-Dno.such=1")).isEqualTo(1);
    } finally {
      System.setErr(original);
    }
    assertThat(err.toString())
        .startsWith("eddy: Unknown configuration key 'no.such'")
        .hasLineCount(1);
  }

  @Test
  void hadoopKeysPassUnderFsHdfs() {
    EddyConfig c =
        EddyConfig.load(
            null, Map.of("fs.hdfs.dfs.replication", "2", "fs.hdfs.hadoopconf", "/etc/hadoop"));
    assertThat(c.asMap())
        .containsEntry("fs.hdfs.dfs.replication", "2")
        .containsEntry("fs.hdfs.hadoopconf", "/etc/hadoop");
  }
}
