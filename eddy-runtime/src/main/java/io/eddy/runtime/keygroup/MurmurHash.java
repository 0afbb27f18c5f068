package io.eddy.runtime.keygroup;

/** The finalization mix of MurmurHash3 (32 bit), made non-negative. Spreads poor hash codes. */
final class MurmurHash {
  private MurmurHash() {}

  static int fmix(int code) {
    int h = code;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h & Integer.MAX_VALUE;
  }
}
