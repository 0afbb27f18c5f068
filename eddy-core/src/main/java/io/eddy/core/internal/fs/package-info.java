/** The local file system behind plain paths and {@code file:} locations. */
package io.eddy.core.internal.fs;
