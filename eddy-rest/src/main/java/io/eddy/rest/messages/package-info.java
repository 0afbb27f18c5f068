/**
 * The JSON bodies of the REST API, version 1 ({@link Messages}), shared by the server and the Java
 * client. It imports nothing of Eddy, so the client needs no runtime types to read them.
 */
package io.eddy.rest.messages;
