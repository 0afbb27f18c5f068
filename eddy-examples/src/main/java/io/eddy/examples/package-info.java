/**
 * The bundled example jobs, run with {@code bin/eddy example NAME}: {@link WordCount}, {@link
 * SocketWordCount} and {@link PartitionRebalance}, with their {@link Tokenizer} and command-line
 * options ({@link ExampleArgs}, {@link UsageException}). They use the public API only, as user jobs
 * do.
 */
package io.eddy.examples;
