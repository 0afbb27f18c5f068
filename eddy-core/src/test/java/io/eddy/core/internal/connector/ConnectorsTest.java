package io.eddy.core.internal.connector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** eddy-core's own tests run without the connector modules: the lookups say what to add. */
class ConnectorsTest {

  @Test
  void readTextFileWithoutTheFileConnectorNamesTheArtifact() {
    assertThatThrownBy(() -> Connectors.textFiles("readTextFile"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "readTextFile needs the connector io.eddy:eddy-connector-files, which is not on the"
                + " classpath; add it as a dependency of the job.");
  }

  @Test
  void socketTextStreamWithoutTheSocketConnectorNamesTheArtifact() {
    assertThatThrownBy(() -> Connectors.sockets("socketTextStream"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("io.eddy:eddy-connector-socket");
  }
}
