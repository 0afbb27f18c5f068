package io.eddy.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eddy.api.JobStatus;
import io.eddy.rest.messages.Messages;
import io.eddy.runtime.cluster.LibraryCache;
import io.eddy.runtime.gateway.CheckpointStats;
import io.eddy.runtime.gateway.DispatcherGateway;
import io.eddy.runtime.gateway.JobDetails;
import io.eddy.runtime.gateway.JobOverview;
import io.eddy.runtime.gateway.JobSubmissionException;
import io.eddy.runtime.gateway.TaskManagerInfo;
import io.eddy.runtime.gateway.UnknownJobException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's REST API: JSON over HTTP under {@code /v1}, built only on the {@link
 * DispatcherGateway} so it serves the embedded dispatcher today and a remote one later. Errors are
 * {@code {"error": "one line"}} with 404 for an unknown job, 400 for bad input, 409 when the job
 * cannot do it now (e.g. a savepoint of a finished job) and 500 otherwise.
 */
public final class RestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
  public static final String VERSION = "0.1.0-SNAPSHOT";
  private static final long MAX_JAR_BYTES = 512L << 20;

  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final DispatcherGateway dispatcher;
  private final RestServerConfig config;
  private final JarRunner jars;
  private final Javalin app;

  /** Whether this JobManager leads now, and the leader's REST address (with HA). */
  private volatile BooleanSupplier isLeader = () -> true;

  private volatile Supplier<String> leaderAddress = () -> null;

  public RestServer(
      DispatcherGateway dispatcher, LibraryCache libraryCache, RestServerConfig config) {
    this.dispatcher = dispatcher;
    this.config = config;
    this.jars =
        new JarRunner(
            dispatcher,
            libraryCache,
            config.blobDirectory(),
            config.defaultCheckpointDirectory(),
            config.jarRunTimeout());
    this.app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.http.maxRequestSize = MAX_JAR_BYTES;
              c.jetty.host = config.bindAddress();
              c.jetty.port = config.port();
              c.routes.before(this::redirectToLeader);
              c.routes.get("/v1/overview", ctx -> json(ctx, overview()));
              c.routes.get("/v1/taskmanagers", ctx -> json(ctx, taskManagers()));
              c.routes.get("/v1/jobs", ctx -> json(ctx, jobs()));
              c.routes.get("/v1/jobs/{id}", ctx -> json(ctx, job(ctx.pathParam("id"))));
              c.routes.get(
                  "/v1/jobs/{id}/checkpoints", ctx -> json(ctx, checkpoints(ctx.pathParam("id"))));
              c.routes.post("/v1/jobs/{id}/cancel", this::cancel);
              c.routes.post("/v1/jobs/{id}/savepoints", this::savepoint);
              c.routes.post("/v1/jobs/{id}/stop", this::stop);
              c.routes.post("/v1/jars/run", this::runJar);
              c.routes.exception(HttpResponseException.class, this::httpError);
              c.routes.exception(Exception.class, this::error);
              c.routes.error(
                  404,
                  "*",
                  ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) {
                      json(
                          ctx.status(404),
                          new Messages.Error(
                              "No such endpoint: " + ctx.method() + " " + ctx.path()));
                    }
                  });
            });
  }

  /**
   * With high availability: {@code isLeader} tells whether this JobManager leads now, {@code
   * leaderAddress} the leader's REST address (host:port, or null while none is known). A standby
   * answers {@code GET /v1/overview} with the leader's address and redirects every other request
   * there (307, so a POST is repeated as a POST); with no leader known it answers 503.
   */
  public void followLeader(BooleanSupplier isLeader, Supplier<String> leaderAddress) {
    this.isLeader = isLeader;
    this.leaderAddress = leaderAddress;
  }

  private void redirectToLeader(Context ctx) throws JsonProcessingException {
    if (isLeader.getAsBoolean() || !ctx.path().startsWith("/v1/")) {
      return;
    }
    String leader = leaderAddress.get();
    if (ctx.path().equals("/v1/overview")) {
      ctx.skipRemainingHandlers();
      json(ctx, new Messages.ClusterOverview(0, 0, 0, 0, 0, 0, 0, VERSION, leader));
      return;
    }
    ctx.skipRemainingHandlers();
    if (leader == null) {
      json(
          ctx.status(503),
          new Messages.Error("This JobManager is a standby and no leader is elected yet."));
      return;
    }
    String query = ctx.queryString();
    ctx.header("Location", "http://" + leader + ctx.path() + (query == null ? "" : "?" + query));
    ctx.status(307);
  }

  /** Starts serving; returns the port (useful with port 0). */
  public int start() {
    app.start();
    LOG.info("REST API listening on http://{}:{}/v1", config.bindAddress(), app.port());
    return app.port();
  }

  public int port() {
    return app.port();
  }

  private Messages.ClusterOverview overview() throws Exception {
    List<TaskManagerInfo> tms = await(dispatcher.requestTaskManagers());
    List<JobOverview> jobs = await(dispatcher.requestJobOverviews());
    int running = 0;
    int finished = 0;
    int failed = 0;
    int cancelled = 0;
    for (JobOverview j : jobs) {
      switch (j.status()) {
        case FINISHED -> finished++;
        case FAILED -> failed++;
        case CANCELED -> cancelled++;
        default -> running++;
      }
    }
    return new Messages.ClusterOverview(
        tms.size(),
        tms.stream().mapToInt(TaskManagerInfo::slots).sum(),
        tms.stream().mapToInt(TaskManagerInfo::freeSlots).sum(),
        running,
        finished,
        failed,
        cancelled,
        VERSION,
        leaderAddress.get());
  }

  private Messages.TaskManagers taskManagers() throws Exception {
    return new Messages.TaskManagers(
        await(dispatcher.requestTaskManagers()).stream()
            .map(
                t -> new Messages.TaskManager(t.location(), t.location(), t.slots(), t.freeSlots()))
            .toList());
  }

  private Messages.Jobs jobs() throws Exception {
    long now = System.currentTimeMillis();
    return new Messages.Jobs(
        await(dispatcher.requestJobOverviews()).stream().map(j -> summary(j, now)).toList());
  }

  private static Messages.JobSummary summary(JobOverview j, long now) {
    return new Messages.JobSummary(
        j.jobId(), j.name(), j.status().name(), j.startTime(), j.endTime(), j.durationMillis(now));
  }

  private Messages.JobDetail job(String id) throws Exception {
    JobDetails d = await(() -> dispatcher.requestJobDetails(id));
    JobOverview o = d.overview();
    return new Messages.JobDetail(
        o.jobId(),
        o.name(),
        o.status().name(),
        o.startTime(),
        o.endTime(),
        o.durationMillis(System.currentTimeMillis()),
        d.restarts(),
        d.failure(),
        d.vertices().stream()
            .map(
                v ->
                    new Messages.Vertex(
                        v.index(),
                        v.name(),
                        v.parallelism(),
                        v.subtasks().stream()
                            .map(
                                s ->
                                    new Messages.Subtask(
                                        s.subtask(), s.attempt(), s.state(), s.location()))
                            .toList()))
            .toList());
  }

  private Messages.Checkpoints checkpoints(String id) throws Exception {
    CheckpointStats stats = await(() -> dispatcher.requestCheckpointStats(id));
    return new Messages.Checkpoints(
        stats.completed(),
        stats.failed(),
        stats.history().stream()
            .map(
                e ->
                    new Messages.Checkpoint(
                        e.checkpointId(),
                        e.type().name(),
                        e.isCompleted() ? "COMPLETED" : "FAILED",
                        e.triggerTimestamp(),
                        e.durationMillis(),
                        e.stateFiles(),
                        e.failureReason()))
            .toList());
  }

  private void cancel(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    JobStatus status = await(() -> dispatcher.requestJobStatus(id));
    if (status.isTerminal()) {
      throw new IllegalStateException("Job " + id + " has already ended (" + status + ").");
    }
    await(() -> dispatcher.cancelJob(id));
    json(ctx.status(202), new Messages.CancelResponse(id, "CANCELLING"));
  }

  private void savepoint(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    Messages.SavepointRequest request = body(ctx, Messages.SavepointRequest.class);
    String dir = directory(request == null ? null : request.targetDirectory());
    String path = await(() -> dispatcher.triggerSavepoint(id, dir));
    json(ctx, new Messages.SavepointResponse(path));
  }

  private void stop(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    Messages.StopRequest request = body(ctx, Messages.StopRequest.class);
    String dir = directory(request == null ? null : request.targetDirectory());
    boolean drain = request != null && request.drain();
    String path = await(() -> dispatcher.stopWithSavepoint(id, dir, drain));
    json(ctx, new Messages.SavepointResponse(path));
  }

  private String directory(String requested) {
    if (requested != null && !requested.isBlank()) {
      return requested;
    }
    if (config.defaultSavepointDirectory() != null) {
      return config.defaultSavepointDirectory();
    }
    throw new IllegalArgumentException(
        "No savepoint directory: name one (targetDirectory) or set state.savepoints.dir on the JobManager.");
  }

  private void runJar(Context ctx) throws Exception {
    String p = ctx.queryParam("parallelism");
    int parallelism;
    try {
      parallelism = p == null || p.isBlank() ? 0 : Integer.parseInt(p.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parallelism must be a number, but was '" + p + "'.");
    }
    JarRunner.Request request =
        new JarRunner.Request(
            ctx.queryParam("entryClass"),
            ctx.queryParams("arg"),
            parallelism,
            ctx.queryParam("savepointPath"),
            Boolean.parseBoolean(ctx.queryParam("allowNonRestoredState")));
    String jobId = jars.run(ctx.bodyInputStream(), request);
    json(ctx, new Messages.JarRunResponse(jobId));
  }

  private static <T> T body(Context ctx, Class<T> type) {
    String body = ctx.body();
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The request body is not valid JSON for " + type.getSimpleName() + ".");
    }
  }

  /** Calls the gateway; an unknown job thrown at once or failing the future is the same. */
  private static <T> T await(Callable<CompletableFuture<T>> call) throws Exception {
    return await(call.call());
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static void json(Context ctx, Object value) throws JsonProcessingException {
    ctx.contentType("application/json").result(JSON.writeValueAsString(value));
  }

  private void httpError(HttpResponseException e, Context ctx) {
    respond(ctx, e.getStatus(), e.getMessage());
  }

  private void error(Exception e, Context ctx) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    int status;
    if (t instanceof UnknownJobException) {
      status = 404;
    } else if (t instanceof IllegalArgumentException || t instanceof JobSubmissionException) {
      status = 400;
    } else if (t instanceof IllegalStateException) {
      status = 409;
    } else {
      status = 500;
      LOG.warn("{} {} failed", ctx.method(), ctx.path(), t);
    }
    respond(ctx, status, oneLine(t));
  }

  private static void respond(Context ctx, int status, String message) {
    try {
      json(ctx.status(status), new Messages.Error(message));
    } catch (JsonProcessingException impossible) {
      ctx.status(500).result("{\"error\":\"internal error\"}");
    }
  }

  static String oneLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return m.lines().findFirst().orElse(m);
  }

  @Override
  public void close() {
    app.stop();
    jars.close();
  }
}
