/**
 * The JobManager's REST API (module eddy-rest, Javalin and Jackson, kept out of eddy-core and
 * eddy-runtime): the {@link RestServer} answers JSON under {@code /v1} from the runtime's {@code
 * DispatcherGateway} only, runs uploaded job jars ({@code JarRunner}, through the runtime's {@code
 * DispatcherExecutor}), and the {@link RestClient} is its Java client for the command line. It may
 * import eddy-core, the runtime's {@code gateway}, {@code cluster} and {@code client} packages, and
 * {@code io.eddy.rest.messages}.
 */
package io.eddy.rest;
