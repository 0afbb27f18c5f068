package io.eddy.runtime.ha;

/**
 * What the leading JobManager publishes: its leader session id (the fencing token its actions
 * carry) and where to reach it.
 *
 * @param sessionId the leader session id, new at every grant of leadership
 * @param rpcAddress host:port of its control plane (TaskManagers register there)
 * @param restAddress host:port of its REST API (clients go there)
 */
public record LeaderInfo(String sessionId, String rpcAddress, String restAddress) {
  /** The text stored for it: three lines. */
  public String encode() {
    return sessionId + "\n" + rpcAddress + "\n" + restAddress;
  }

  /** Reads {@link #encode()}'s text; null for null or malformed text. */
  public static LeaderInfo decode(String text) {
    if (text == null) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    return lines.length == 3 ? new LeaderInfo(lines[0], lines[1], lines[2]) : null;
  }
}
