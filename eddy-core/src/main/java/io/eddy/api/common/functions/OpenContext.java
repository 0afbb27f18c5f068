package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/** Handed to {@link RichFunction#open}; reserved for open-time information. */
@Public
public interface OpenContext {}
