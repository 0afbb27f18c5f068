package io.eddy.api.fs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parents and children of locations: paths, URIs with and without an authority. */
class FileSystemLocationsTest {
  @Test
  void parentsOfPathsAndUris() {
    assertThat(FileSystem.parent("/a/b")).isEqualTo("/a");
    assertThat(FileSystem.parent("/a")).isEqualTo("/");
    assertThat(FileSystem.parent("/")).isNull();
    assertThat(FileSystem.parent("s3://bucket/a/b/")).isEqualTo("s3://bucket/a");
    assertThat(FileSystem.parent("s3://bucket/a")).isEqualTo("s3://bucket/");
    assertThat(FileSystem.parent("s3://bucket")).isNull();
    assertThat(FileSystem.parent("hdfs://nn:8020/x")).isEqualTo("hdfs://nn:8020/");
    assertThat(FileSystem.parent("hdfs:///x")).isEqualTo("hdfs:///");
    assertThat(FileSystem.parent("file:///tmp/x")).isEqualTo("file:///tmp");
    assertThat(FileSystem.parent("file:///x")).isEqualTo("file:///");
    assertThat(FileSystem.parent("hdfs:///")).isNull();
  }

  @Test
  void childrenJoinWithOneSlash() {
    assertThat(FileSystem.child("s3://bucket/", "x")).isEqualTo("s3://bucket/x");
    assertThat(FileSystem.child("/a", "x")).isEqualTo("/a/x");
    assertThat(FileSystem.child(FileSystem.parent("file:///x"), ".x.inprogress"))
        .isEqualTo("file:///.x.inprogress");
  }

  @Test
  void schemesOfLocations() {
    assertThat(FileSystems.schemeOf("/tmp/x")).isNull();
    assertThat(FileSystems.schemeOf("relative/x:y")).isNull();
    assertThat(FileSystems.schemeOf("C:\\\\data")).isNull();
    assertThat(FileSystems.schemeOf("S3://bucket/x")).isEqualTo("s3");
    assertThat(FileSystems.schemeOf("hdfs:///x")).isEqualTo("hdfs");
  }
}
