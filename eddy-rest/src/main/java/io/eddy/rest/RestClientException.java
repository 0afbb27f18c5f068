package io.eddy.rest;

/** A REST call failed; the message is one line for the user. */
public final class RestClientException extends RuntimeException {
  public RestClientException(String message) {
    super(message);
  }
}
