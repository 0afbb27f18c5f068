package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;
import java.io.Serializable;

/**
 * Base of all user functions. Functions are serialized with the job graph and shipped to the tasks,
 * so every field they hold must be serializable.
 */
@Public
public interface Function extends Serializable {}
