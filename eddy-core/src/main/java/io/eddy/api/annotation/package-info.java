/**
 * The annotations that draw the API line: {@link Public} (stable), {@link PublicEvolving} (for
 * users, still taking shape) and {@link Internal} (public only for Eddy's own modules). Imports
 * nothing.
 */
package io.eddy.api.annotation;
