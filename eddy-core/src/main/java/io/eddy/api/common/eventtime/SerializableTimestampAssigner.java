package io.eddy.api.common.eventtime;

import io.eddy.api.annotation.PublicEvolving;
import java.io.Serializable;

/** A {@link TimestampAssigner} that can travel with the job, so lambdas can be used. */
@FunctionalInterface
@PublicEvolving
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
