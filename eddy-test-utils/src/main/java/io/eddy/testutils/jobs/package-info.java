/**
 * Pieces of the exactly-once test jobs that many tests share: a mapper that fails at chosen points,
 * a keyed counter, and the oracle that checks its committed output.
 */
package io.eddy.testutils.jobs;
