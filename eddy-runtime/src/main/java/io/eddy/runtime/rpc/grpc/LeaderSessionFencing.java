package io.eddy.runtime.rpc.grpc;

import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fencing with high availability: every call a JobManager makes to a TaskManager carries the
 * JobManager's leader session id in the {@code eddy-leader-session} header, and a TaskManager that
 * follows a leader refuses calls under any other session ({@code FAILED_PRECONDITION}) — so a
 * deposed leader that wakes up (a GC pause, SIGSTOP) can neither deploy a task, trigger a
 * checkpoint nor tell a sink to commit.
 */
public final class LeaderSessionFencing {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderSessionFencing.class);
  static final Metadata.Key<String> HEADER =
      Metadata.Key.of("eddy-leader-session", Metadata.ASCII_STRING_MARSHALLER);

  private LeaderSessionFencing() {}

  /** {@code channel} with the session {@code session} gives (if not null) on every call. */
  public static Channel withSession(Channel channel, Supplier<String> session) {
    return ClientInterceptors.intercept(
        channel,
        new ClientInterceptor() {
          @Override
          public <Q, A> ClientCall<Q, A> interceptCall(
              MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(
                next.newCall(method, options)) {
              @Override
              public void start(Listener<A> listener, Metadata headers) {
                String s = session.get();
                if (s != null) {
                  headers.put(HEADER, s);
                }
                super.start(listener, headers);
              }
            };
          }
        });
  }

  /**
   * {@code service} refusing calls whose session is not the one {@code current} gives; while {@code
   * current} gives null (no HA) every call passes.
   */
  public static BindableService requireSession(BindableService service, Supplier<String> current) {
    ServerInterceptor check =
        new ServerInterceptor() {
          @Override
          public <Q, A> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            String expected = current.get();
            String got = headers.get(HEADER);
            if (expected != null && !Objects.equals(expected, got)) {
              String refusal =
                  "refused "
                      + call.getMethodDescriptor().getBareMethodName()
                      + " of leader session "
                      + got
                      + ": this TaskManager follows the leader of session "
                      + expected;
              LOG.warn("Fencing: {}", refusal);
              call.close(Status.FAILED_PRECONDITION.withDescription(refusal), new Metadata());
              return new ServerCall.Listener<>() {};
            }
            return next.startCall(call, headers);
          }
        };
    return () -> ServerInterceptors.intercept(service, check);
  }
}
