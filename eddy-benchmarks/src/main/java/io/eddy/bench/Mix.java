package io.eddy.bench;

/**
 * The 64-bit mixing function of the reference workloads, which spreads sequence numbers over keys:
 * the same definition as the peer baseline, so both engines see the same key distribution.
 */
public final class Mix {
  private Mix() {}

  /** A non-negative, well-spread hash of {@code x}. */
  public static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x & Long.MAX_VALUE;
  }
}
