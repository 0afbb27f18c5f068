package io.eddy.connector.file.sink.bucketassigners;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.connector.file.sink.BucketAssigner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Buckets records by the processing time at which they are written, formatted with a {@link
 * DateTimeFormatter} pattern (default {@code "yyyy-MM-dd--HH"}: one directory per hour) in a time
 * zone (default: the system's). The time is the writing task's clock, so tests with a manual clock
 * get deterministic buckets.
 */
@PublicEvolving
public final class DateTimeBucketAssigner<IN> implements BucketAssigner<IN, String> {
  private static final long serialVersionUID = 1L;
  public static final String DEFAULT_FORMAT = "yyyy-MM-dd--HH";

  private final String formatString;
  private final ZoneId zoneId;
  // DateTimeFormatter is not serializable; built on first use in the task
  private transient DateTimeFormatter formatter;

  public DateTimeBucketAssigner() {
    this(DEFAULT_FORMAT);
  }

  public DateTimeBucketAssigner(String formatString) {
    this(formatString, ZoneId.systemDefault());
  }

  public DateTimeBucketAssigner(String formatString, ZoneId zoneId) {
    DateTimeFormatter.ofPattern(formatString); // fails here on a bad pattern
    this.formatString = formatString;
    this.zoneId = zoneId;
  }

  @Override
  public String getBucketId(IN element, Context context) {
    if (formatter == null) {
      formatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
    }
    return formatter.format(Instant.ofEpochMilli(context.currentProcessingTime()));
  }

  @Override
  public String toString() {
    return "DateTimeBucketAssigner(" + formatString + ", " + zoneId + ")";
  }
}
