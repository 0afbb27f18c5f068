package io.eddy.runtime.rpc.grpc;

import io.eddy.runtime.rpc.proto.Empty;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/** Bridges unary gRPC calls and {@link CompletableFuture}s, on the client and the server side. */
final class GrpcCalls {
  static final Empty EMPTY = Empty.getDefaultInstance();

  private GrpcCalls() {}

  /**
   * Client side: runs {@code call} with an observer that completes the returned future; a failure
   * becomes a {@link ControlPlaneException} naming {@code method}, {@code target} and the deadline.
   */
  static <R> CompletableFuture<R> call(
      String method, String target, Duration deadline, Consumer<StreamObserver<R>> call) {
    CompletableFuture<R> result = new CompletableFuture<>();
    try {
      call.accept(
          new StreamObserver<>() {
            @Override
            public void onNext(R value) {
              result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
              result.completeExceptionally(describe(method, target, deadline, t));
            }

            @Override
            public void onCompleted() {
              result.complete(null);
            }
          });
    } catch (RuntimeException e) {
      result.completeExceptionally(describe(method, target, deadline, e));
    }
    return result;
  }

  static ControlPlaneException describe(
      String method, String target, Duration deadline, Throwable t) {
    Status status = Status.fromThrowable(t);
    String what =
        switch (status.getCode()) {
          case DEADLINE_EXCEEDED ->
              "no answer within its deadline of " + deadline.toMillis() + " ms";
          case UNAVAILABLE -> "the peer is unreachable";
          default -> "the peer answered " + status.getCode();
        };
    String detail = status.getDescription() == null ? "" : " (" + status.getDescription() + ")";
    return new ControlPlaneException(
        method + " to " + target + " failed: " + what + detail, status.getCode(), t);
  }

  /** Server side: answers the call when {@code work} completes; failures become gRPC statuses. */
  static <T, R> void reply(
      CompletableFuture<T> work, Function<T, R> response, StreamObserver<R> observer) {
    work.whenComplete(
        (value, error) -> {
          if (error == null) {
            observer.onNext(response.apply(value));
            observer.onCompleted();
          } else {
            observer.onError(toStatus(error));
          }
        });
  }

  /** Server side: answers {@link Empty} when {@code work} completes. */
  static void replyEmpty(CompletableFuture<Void> work, StreamObserver<Empty> observer) {
    reply(work, v -> EMPTY, observer);
  }

  /**
   * Server side: runs {@code work}, turning a thrown exception (e.g. a decode error) into a status.
   */
  static void handle(StreamObserver<?> observer, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      observer.onError(toStatus(e));
    }
  }

  private static StatusRuntimeException toStatus(Throwable error) {
    Throwable t =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    Status status =
        t instanceof IllegalArgumentException ? Status.INVALID_ARGUMENT : Status.INTERNAL;
    // A control-plane failure's message already says what failed where: no class name needed.
    String description = t instanceof ControlPlaneException ? t.getMessage() : t.toString();
    return status.withDescription(description).asRuntimeException();
  }
}
