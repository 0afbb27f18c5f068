package io.eddy.api.common.functions;

/** Handed to {@link RichFunction#open}; reserved for open-time information. */
public interface OpenContext {}
