package io.resoto.worker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void numbersWithUnitsAddUp() {
    assertThat(DurationText.parse("60d")).isEqualTo(Duration.ofDays(60));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("1d12h")).isEqualTo(Duration.ofHours(36));
    assertThat(DurationText.parse("2h 30m")).isEqualTo(Duration.ofMinutes(150));
    assertThat(DurationText.parse("1w2d")).isEqualTo(Duration.ofDays(9));
    assertThat(DurationText.parse("5min30s")).isEqualTo(Duration.ofSeconds(330));
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad : new String[] {"", " ", "60", "d", "1x", "1h junk", "-1h", "1.5h", "99999999999999999999d"}) {
      assertThatThrownBy(() -> DurationText.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> DurationText.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
