/**
 * Processing time: the {@link Clock} a TaskManager lends its tasks ({@link SystemClock}, or a
 * {@link ManualClock} in tests) and the operators' {@link ProcessingTimeService}, whose callbacks
 * run as mails on the task thread. The bottom layer of the runtime: it imports no other runtime
 * package.
 */
package io.eddy.runtime.time;
