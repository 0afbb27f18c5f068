package io.eddy.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.runtime.task.MailboxProcessingTimeService;
import io.eddy.runtime.task.TaskMailbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timers on a manual clock become mails; nothing runs until the clock is advanced. */
class MailboxProcessingTimeServiceTest {
  private final ManualClock clock = new ManualClock(1_000);
  private final TaskMailbox mailbox = new TaskMailbox();
  private final MailboxProcessingTimeService service =
      new MailboxProcessingTimeService(clock, mailbox);
  private final List<String> fired = new ArrayList<>();

  private void runMails() throws Exception {
    TaskMailbox.Mail mail;
    while ((mail = mailbox.tryTake()) != null) {
      mail.action().run();
    }
  }

  @Test
  void oneShotAndPeriodicTimersFireAsMailsWhenTheClockPasses() throws Exception {
    service.registerTimer(1_050, t -> fired.add("once@" + t));
    service.scheduleAtFixedRate(t -> fired.add("tick@" + t), 100, 100);
    Clock.Cancellable cancelled = service.registerTimer(1_060, t -> fired.add("cancelled"));
    cancelled.cancel();

    clock.advance(Duration.ofMillis(49));
    runMails();
    assertThat(fired).isEmpty();
    clock.advance(Duration.ofMillis(251));
    assertThat(fired).as("only mails are queued by advance").isEmpty();
    runMails();
    assertThat(fired).containsExactly("once@1050", "tick@1100", "tick@1200", "tick@1300");
    assertThat(service.getCurrentProcessingTime()).isEqualTo(1_300);
  }

  @Test
  void shutdownCancelsEverything() throws Exception {
    service.scheduleAtFixedRate(t -> fired.add("tick"), 10, 10);
    service.registerTimer(2_000, t -> fired.add("once"));
    service.shutdown();
    clock.advance(Duration.ofSeconds(5));
    runMails();
    assertThat(fired).isEmpty();
    assertThat(clock.pendingActions()).isZero();
  }

  @Test
  void aTimerInThePastFiresAtOnce() throws Exception {
    service.registerTimer(10, t -> fired.add("past@" + t));
    runMails();
    assertThat(fired).containsExactly("past@10");
  }
}
