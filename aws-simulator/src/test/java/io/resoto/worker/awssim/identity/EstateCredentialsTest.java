package io.resoto.worker.awssim.identity;

import static io.resoto.worker.awssim.identity.Fixtures.COLLECTOR_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.ESTATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.KeyRecord;
import io.resoto.worker.awssim.estate.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EstateCredentialsTest {
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  private final TestClock clock = new TestClock(NOW);
  private final EstateCredentials credentials = new EstateCredentials(ESTATE, clock);
  private final Role role = ESTATE.role("333333333333", "ResotoAccess").orElseThrow();

  @Test
  void findsThePrincipalsLongTermKeys() {
    KeyRecord key = credentials.find(COLLECTOR_KEY).orElseThrow();
    assertThat(key.secretAccessKey()).isEqualTo("test-secret-1");
    assertThat(key.sessionToken()).isNull();
    assertThat(key.expiration()).isNull();
    assertThat(key.identity().accountId()).isEqualTo("111111111111");
    assertThat(key.identity().arn()).isEqualTo("arn:aws:iam::111111111111:user/collector");
    assertThat(key.identity().userId()).matches("AIDA[A-Z0-9]{17}");
    assertThat(credentials.find("AKIAUNKNOWN000000000")).isEmpty();
    assertThat(credentials.find(null)).isEmpty();
  }

  @Test
  void userIdsAreStablePerUser() {
    EstateCredentials again = new EstateCredentials(ESTATE, clock);
    assertThat(again.find(COLLECTOR_KEY).orElseThrow().identity().userId())
        .isEqualTo(credentials.find(COLLECTOR_KEY).orElseThrow().identity().userId())
        .isNotEqualTo(credentials.find(Fixtures.INTERN_KEY).orElseThrow().identity().userId());
  }

  @Test
  void mintsSessionsThatExpireByTheClock() {
    KeyRecord session = credentials.mintRoleSession(role, "s1", Duration.ofMinutes(15));
    assertThat(session.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
    assertThat(session.expiration()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(session.identity().arn()).isEqualTo("arn:aws:sts::333333333333:assumed-role/ResotoAccess/s1");
    assertThat(session.identity().userId()).isEqualTo(role.roleId() + ":s1");
    assertThat(credentials.find(session.accessKeyId())).contains(session);
  }

  @Test
  void expiredSessionsAreStillRecognisedForAWhileThenPurged() {
    KeyRecord session = credentials.mintRoleSession(role, "s1", Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(16));
    assertThat(credentials.find(session.accessKeyId())).as("expired but recognised").contains(session);
    clock.advance(EstateCredentials.EXPIRED_RETENTION);
    assertThat(credentials.find(session.accessKeyId())).isEmpty();
    assertThat(credentials.sessionCount()).isZero();
  }

  @Test
  void mintingPurgesLongExpiredSessions() {
    credentials.mintRoleSession(role, "old", Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(15).plus(EstateCredentials.EXPIRED_RETENTION).plusSeconds(1));
    credentials.mintRoleSession(role, "new", Duration.ofMinutes(15));
    assertThat(credentials.sessionCount()).isEqualTo(1);
  }

  @Test
  void aSeededRandomMakesKeysRepeatable() {
    KeyRecord a = new EstateCredentials(ESTATE, clock, new Random(7)).mintRoleSession(role, "s", Duration.ofHours(1));
    KeyRecord b = new EstateCredentials(ESTATE, clock, new Random(7)).mintRoleSession(role, "s", Duration.ofHours(1));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void concurrentMintsGetDistinctKeys() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Set<String> keys = ConcurrentHashMap.newKeySet();
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            keys.add(credentials.mintRoleSession(role, "s", Duration.ofHours(1)).accessKeyId());
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      assertThat(keys).hasSize(1600);
      assertThat(credentials.sessionCount()).isEqualTo(1600);
      keys.forEach(k -> assertThat(credentials.find(k)).isPresent());
    } finally {
      pool.shutdownNow();
    }
  }
}
