package io.eddy.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster configuration: defaults, then a YAML file (nested maps or dotted keys, e.g. {@code
 * rest: {port: 8081}} or {@code rest.port: 8081}), then {@code -Dkey=value} overrides. Unknown keys
 * are an error, so a typo does not go unnoticed.
 */
final class EddyConfig {
  /** Every key with its default (null: none) and meaning; the README lists the same. */
  static final Map<String, String[]> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("rest.port", new String[] {"8081", "port of the REST API"});
    KEYS.put(
        "rest.bind-address",
        new String[] {
          "127.0.0.1", "address the REST API listens on (0.0.0.0 for all; it runs uploaded jars)"
        });
    KEYS.put(
        "rest.jar-run.timeout-seconds",
        new String[] {"120", "how long an uploaded jar's main may take to submit its job"});
    KEYS.put(
        "jobmanager.blob.dir",
        new String[] {
          Path.of(System.getProperty("java.io.tmpdir"), "eddy-blobs").toString(),
          "where uploaded job jars are stored"
        });
    KEYS.put(
        "jobmanager.rpc.address",
        new String[] {
          "127.0.0.1", "address TaskManagers reach the JobManager at (it listens there too)"
        });
    KEYS.put(
        "jobmanager.rpc.port",
        new String[] {"6123", "port of the JobManager's control plane (gRPC)"});
    KEYS.put(
        "jobmanager.local-taskmanagers",
        new String[] {"0", "TaskManagers started inside the JobManager's JVM (for trying out)"});
    KEYS.put("heartbeat.interval", new String[] {"500", "ms between heartbeats, both ways"});
    KEYS.put(
        "heartbeat.timeout",
        new String[] {
          "5000",
          "ms of silence after which a TaskManager (or, for a TaskManager, the JobManager) is"
              + " lost; a refused connection is noticed within one interval"
        });
    KEYS.put(
        "taskmanager.host",
        new String[] {"127.0.0.1", "address others reach a TaskManager at (it listens there too)"});
    KEYS.put(
        "taskmanager.rpc.port",
        new String[] {"0", "port of a TaskManager's control plane (0: any free port)"});
    KEYS.put("taskmanager.slots", new String[] {"4", "slots per TaskManager"});
    KEYS.put(
        "taskmanager.work.dir",
        new String[] {
          Path.of(System.getProperty("java.io.tmpdir"), "eddy-taskmanager").toString(),
          "where a TaskManager keeps the job jars it fetched"
        });
    KEYS.put(
        "taskmanager.network.buffers",
        new String[] {"2048", "network buffers (32 KiB each) per TaskManager"});
    KEYS.put(
        "taskmanager.network.buffers-per-channel",
        new String[] {
          "4", "buffers a producer fills per consumer before it waits; a remote consumer's credits"
        });
    KEYS.put(
        "state.backend.type",
        new String[] {
          "heap", "where TaskManagers keep keyed state unless a job chooses: heap or rocksdb"
        });
    KEYS.put(
        "state.backend.rocksdb.localdir",
        new String[] {null, "local directory of the rocksdb backend's files (else <tmp>)"});
    KEYS.put(
        "taskmanager.memory.managed.size",
        new String[] {
          "256m", "native memory of a TaskManager's rocksdb instances (block cache, write buffers)"
        });
    KEYS.put(
        "state.checkpoints.dir",
        new String[] {null, "checkpoint root of jobs that set none (else <tmp>/eddy-checkpoints)"});
    KEYS.put(
        "state.savepoints.dir",
        new String[] {null, "savepoint directory when 'eddy savepoint' names none"});
    KEYS.put(
        "state.backend.local-recovery",
        new String[] {
          "true",
          "TaskManagers keep local copies of their latest checkpoints' state and restore from them"
        });
    KEYS.put(
        "s3.endpoint",
        new String[] {
          null, "S3 endpoint URL for s3:// locations (any S3-compatible store; unset: AWS)"
        });
    KEYS.put("s3.region", new String[] {"us-east-1", "S3 region (signing region)"});
    KEYS.put(
        "s3.access-key",
        new String[] {null, "S3 access key (unset: the AWS SDK's default credential chain)"});
    KEYS.put("s3.secret-key", new String[] {null, "S3 secret key (never logged or shown)"});
    KEYS.put(
        "s3.path.style.access",
        new String[] {"false", "address buckets as endpoint/bucket (MinIO, Ceph, s3proxy)"});
    KEYS.put(
        "s3.entropy.key",
        new String[] {
          null,
          "marker in checkpoint locations that state files replace with random characters (spreads"
              + " them over S3 key prefixes); directories and _metadata drop it"
        });
    KEYS.put(
        "s3.entropy.length", new String[] {"4", "random characters that replace s3.entropy.key"});
    KEYS.put(
        "s3.upload.part-size",
        new String[] {"8388608", "bytes per multipart upload part (at least 5 MiB)"});
    KEYS.put(
        "fs.hdfs.hadoopconf",
        new String[] {null, "Hadoop configuration directory (core-site.xml, hdfs-site.xml)"});
    KEYS.put(
        "fs.hdfs.user",
        new String[] {null, "user to act as on HDFS with simple authentication (unset: this one)"});
    KEYS.put(
        "high-availability.type",
        new String[] {
          "none",
          "none, or zookeeper: JobManagers elect a leader in ZooKeeper and a new leader recovers"
              + " the running jobs"
        });
    KEYS.put(
        "high-availability.zookeeper.quorum",
        new String[] {null, "the ZooKeeper servers, host:port,host:port,..."});
    KEYS.put(
        "high-availability.cluster-id",
        new String[] {
          "default", "separates the clusters sharing one ZooKeeper (/eddy/<cluster-id>) and storage"
        });
    KEYS.put(
        "high-availability.storageDir",
        new String[] {
          null,
          "where the JobManagers keep job graphs and jars (a directory every JobManager reaches)"
        });
    KEYS.put(
        "high-availability.zookeeper.client.session-timeout",
        new String[] {
          "4000",
          "ms: a leader that stops answering is replaced after this; ZooKeeper grants 2 to 20"
              + " ticks (start-cluster --ha ticks every 200 ms; a production ensemble with"
              + " tickTime 2000 needs 4000 or more)"
        });
    KEYS.put(
        "high-availability.zookeeper.client.connection-timeout",
        new String[] {"3000", "ms to wait for a connection to ZooKeeper"});
  }

  /** Other keys under it are Hadoop keys for hdfs:// ({@code fs.hdfs.dfs.replication: 2}). */
  static final String HADOOP_KEYS = "fs.hdfs.";

  private final Map<String, String> values = new TreeMap<>();

  private EddyConfig() {
    KEYS.forEach(
        (k, v) -> {
          if (v[0] != null) {
            values.put(k, v[0]);
          }
        });
  }

  static EddyConfig load(Path file, Map<String, String> overrides) {
    EddyConfig config = new EddyConfig();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("Configuration file not found: " + file);
      }
      JsonNode root;
      try {
        root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "Cannot read the configuration file "
                + file
                + ": "
                + e.getMessage().lines().findFirst().orElse(""));
      }
      if (root != null && !root.isMissingNode() && !root.isNull()) {
        if (!root.isObject()) {
          throw new IllegalArgumentException(
              "The configuration file " + file + " must hold key: value pairs.");
        }
        config.flatten("", root);
      }
    }
    overrides.forEach(config::set);
    return config;
  }

  private void flatten(String prefix, JsonNode node) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      if (e.getValue().isObject()) {
        flatten(key + ".", e.getValue());
      } else if (e.getValue().isNull()) {
        set(key, null);
      } else {
        set(key, e.getValue().asText());
      }
    }
  }

  private void set(String key, String value) {
    if (!KEYS.containsKey(key) && !key.startsWith(HADOOP_KEYS)) {
      throw new IllegalArgumentException(
          "Unknown configuration key '"
              + key
              + "'; known keys: "
              + String.join(", ", KEYS.keySet()));
    }
    if (value == null || value.isBlank()) {
      values.remove(key);
    } else {
      values.put(key, value.strip());
    }
  }

  /** Every key that has a value. */
  Map<String, String> asMap() {
    return Map.copyOf(values);
  }

  String get(String key) {
    return values.get(key);
  }

  int getInt(String key, int min) {
    String v = values.get(key);
    try {
      int i = Integer.parseInt(v);
      if (i < min) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be a whole number of at least " + min + ", but was '" + v + "'.");
    }
  }
}
