package io.eddy.runtime.gateway;

/**
 * What the ResourceManager knows of one TaskManager (read-only, for the REST API).
 *
 * @param location where the TaskManager runs (its id in the embedded cluster)
 * @param slots slots it offers
 * @param freeSlots slots not lent to a job
 */
public record TaskManagerInfo(String location, int slots, int freeSlots) {}
