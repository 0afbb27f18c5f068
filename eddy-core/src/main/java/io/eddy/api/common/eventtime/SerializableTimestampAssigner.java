package io.eddy.api.common.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that can travel with the job, so lambdas can be used. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
