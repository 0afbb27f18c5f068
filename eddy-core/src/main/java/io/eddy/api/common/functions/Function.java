package io.eddy.api.common.functions;

import java.io.Serializable;

/**
 * Base of all user functions. Functions are serialized with the job graph and shipped to the tasks,
 * so every field they hold must be serializable.
 */
public interface Function extends Serializable {}
