/**
 * The {@code eddy} command line ({@link EddyCli}, picocli): {@code jobmanager} and {@code
 * taskmanager} start the runtime's {@code JobManagerRunner} (with the REST server) and {@code
 * TaskManagerRunner} from a configuration ({@code EddyConfig}: defaults, YAML, {@code -D}); {@code
 * run}, {@code list}, {@code cancel}, {@code savepoint} and {@code stop} are clients of the REST
 * API or run a jar on the embedded cluster; {@code example} runs the bundled examples. The top of
 * the module graph: it may import every other module; nothing imports it.
 */
package io.eddy.dist;
