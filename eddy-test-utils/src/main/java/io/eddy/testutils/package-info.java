/**
 * Test support users and Eddy's own tests share: the JUnit 5 {@link MiniClusterExtension} runs one
 * embedded cluster per test class (optionally on a manual clock) and makes the environment submit
 * to it; {@link CollectingSink} keeps every record in memory and {@link GatedSource} keeps a job
 * running until the test opens it. It may import eddy-core and the runtime's {@code minicluster},
 * {@code client} and {@code time} packages.
 */
package io.eddy.testutils;
