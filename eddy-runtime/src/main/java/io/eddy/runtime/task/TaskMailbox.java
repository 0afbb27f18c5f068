package io.eddy.runtime.task;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of actions ("mails") for one task thread. Any thread may {@link #put} a mail; only the
 * task thread takes and runs them, so everything a mail touches is confined to that thread. {@link
 * #hasMail()} is a cheap check for the task's hot loop.
 */
public final class TaskMailbox {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Mail> queue = new ArrayDeque<>();
  private volatile boolean hasMail;
  private boolean closed;

  /** A unit of work for the task thread. */
  public record Mail(ThrowingRunnable action, String description) {}

  /** Work that may throw; a mail that throws fails the task. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Enqueues a mail; silently dropped once the mailbox is closed (the task is ending). */
  public void put(ThrowingRunnable action, String description) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      queue.add(new Mail(action, description));
      hasMail = true;
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  public boolean hasMail() {
    return hasMail;
  }

  /** The next mail, or null if there is none. Task thread. */
  public Mail tryTake() {
    if (!hasMail) {
      return null;
    }
    lock.lock();
    try {
      Mail mail = queue.poll();
      hasMail = !queue.isEmpty();
      return mail;
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the next mail. Task thread. */
  public Mail take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        notEmpty.await();
      }
      Mail mail = queue.poll();
      hasMail = !queue.isEmpty();
      return mail;
    } finally {
      lock.unlock();
    }
  }

  public void close() {
    lock.lock();
    try {
      closed = true;
      queue.clear();
      hasMail = false;
    } finally {
      lock.unlock();
    }
  }
}
