/**
 * The benchmark runner for the reference workloads: {@link BenchmarkRunner} runs one workload
 * ({@code Workloads}: stateless, keyedsum, wordcount, window) on the embedded cluster as {@link
 * BenchmarkArgs} say and prints one {@link BenchmarkResult} line for pairing with the Flink peer's;
 * {@link WordsFile} writes the wordcount input and {@link Mix} spreads keys like the peer. It uses
 * the public API only (and eddy-runtime at run time).
 */
package io.eddy.bench;
