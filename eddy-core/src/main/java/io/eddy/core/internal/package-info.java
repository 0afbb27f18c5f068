/**
 * Small helpers shared by eddy-core: {@link Preconditions}, argument checks whose messages say what
 * to fix. Imports nothing of Eddy.
 */
package io.eddy.core.internal;
