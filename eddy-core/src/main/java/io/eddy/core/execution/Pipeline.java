package io.eddy.core.execution;

import io.eddy.api.annotation.Internal;
import io.eddy.core.dag.Transformation;
import java.util.List;

/**
 * Everything a job is before the runtime compiles it: its name, its sinks (the graph hangs off
 * them) and the environment's configuration.
 */
@Internal
public record Pipeline(String jobName, List<Transformation<?>> sinks, ExecutionConfig config) {}
