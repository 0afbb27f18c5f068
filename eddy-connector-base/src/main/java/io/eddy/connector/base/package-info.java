/**
 * Building blocks for connectors, on top of eddy-core's source interfaces: {@link
 * io.eddy.connector.base.SplitFetcher} runs a connector's blocking reading ({@link
 * io.eddy.connector.base.FetchTask}) on a thread of its own and hands elements to the non-blocking
 * source reader through a bounded queue with an availability future; {@link
 * io.eddy.connector.base.SingleReaderSplitEnumerator} gives every split to reader 0, for inputs
 * that cannot be read in parallel. The socket source is built on them; Kafka and remote file
 * systems are meant to be. Depends on eddy-core only.
 */
package io.eddy.connector.base;
