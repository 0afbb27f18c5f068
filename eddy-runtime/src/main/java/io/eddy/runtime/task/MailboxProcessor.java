package io.eddy.runtime.task;

import java.util.concurrent.CompletableFuture;

/**
 * The task thread's loop (DESIGN.md §2): run pending mails, then one step of the default action
 * (process input). When the default action has nothing to do it suspends itself until a future
 * completes; the thread then sleeps on the mailbox, and the future's completion posts a mail that
 * resumes it. Timers, checkpoints and control messages are mails, so operators need no locks.
 *
 * <p>Lifecycle: {@code runMailboxLoop} returns after {@link Controller#allActionsCompleted()} or
 * {@link #stop()}.
 */
public final class MailboxProcessor {
  private final TaskMailbox mailbox;
  private final DefaultAction defaultAction;
  private final Controller controller = new Controller();
  private boolean suspended;
  private boolean running = true;

  /** One step of the task's main work. */
  @FunctionalInterface
  public interface DefaultAction {
    void runDefaultAction(Controller controller) throws Exception;
  }

  public MailboxProcessor(TaskMailbox mailbox, DefaultAction defaultAction) {
    this.mailbox = mailbox;
    this.defaultAction = defaultAction;
  }

  public TaskMailbox getMailbox() {
    return mailbox;
  }

  public void runMailboxLoop() throws Exception {
    while (running) {
      TaskMailbox.Mail mail;
      while ((mail = mailbox.tryTake()) != null) {
        mail.action().run();
        if (!running) {
          return;
        }
      }
      if (suspended) {
        mailbox.take().action().run();
      } else {
        defaultAction.runDefaultAction(controller);
      }
    }
  }

  /** Ends the loop after the current action (task thread) or via a mail (other threads). */
  public void stop() {
    running = false;
  }

  /** What the default action may ask of the loop. */
  public final class Controller {
    /** Stops calling the default action until {@code resumeWhen} completes. */
    public void suspendUntil(CompletableFuture<?> resumeWhen) {
      suspended = true;
      resumeWhen.whenComplete((r, e) -> mailbox.put(() -> suspended = false, "resume"));
    }

    /** The default action is done for good: leave the loop. */
    public void allActionsCompleted() {
      running = false;
    }
  }
}
