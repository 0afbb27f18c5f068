package io.eddy.runtime.gateway;

/**
 * One slot of a TaskManager, lent to a job.
 *
 * @param taskManager the TaskManager
 * @param index slot number on that TaskManager
 */
public record Slot(TaskExecutorGateway taskManager, int index) {}
