package io.eddy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordsFileTest {
  @TempDir Path dir;

  @Test
  void writesTenVocabularyWordsPerLineTheSameEveryTime() throws Exception {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");
    WordsFile.write(a, 500);
    WordsFile.write(b, 500);

    List<String> lines = Files.readAllLines(a);
    assertThat(lines).hasSize(500);
    assertThat(lines).allSatisfy(l -> assertThat(l).matches("w[0-9a-z]+( w[0-9a-z]+){9}"));
    assertThat(Files.mismatch(a, b)).isEqualTo(-1);
    // the peer harness's gen-words makes the same bytes from the same seed
    assertThat(lines.get(0)).isEqualTo("wn6c w1gmv wklp w1v7p wkoa w514 wgri w1v7p w15wr w4rb");
  }
}
