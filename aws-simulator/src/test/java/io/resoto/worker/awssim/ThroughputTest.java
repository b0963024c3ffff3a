package io.resoto.worker.awssim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Prints how many signed STS calls per second the simulator serves; asserts only that all succeeded. */
class ThroughputTest {
  private static final int CALLS = 20_000;
  private static final int THREADS = 8;
  private static final long BUDGET_NANOS = 15_000_000_000L;

  @Test
  void printsRequestsPerSecond() throws Exception {
    try (AwsSimulator sim = SimSupport.start(new SimSupport.Keys());
        StsClient sts = SimSupport.client(StsClient.builder(), sim.endpoint())) {
      sim.on(GetCallerIdentityRequest.class, (ctx, req) -> GetCallerIdentityResponse.builder()
          .account(ctx.caller().accountId()).arn(ctx.caller().arn()).userId(ctx.caller().userId()).build());
      for (int i = 0; i < 500; i++) {
        sts.getCallerIdentity(); // warm up both sides
      }
      AtomicInteger done = new AtomicInteger();
      AtomicInteger attempted = new AtomicInteger();
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long start = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> {
          // bounded by count and by time, so a slow machine still finishes
          while (System.nanoTime() - start < BUDGET_NANOS && next.getAndIncrement() < CALLS) {
            attempted.incrementAndGet();
            if (SimSupport.ACCOUNT.equals(sts.getCallerIdentity().account())) {
              done.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      long elapsed = System.nanoTime() - start;
      pool.shutdown();
      double perSecond = done.get() / (elapsed / 1e9);
      System.out.printf("throughput: %d STS GetCallerIdentity calls over %d client threads in %.2f s = %.0f requests/s%n",
          done.get(), THREADS, elapsed / 1e9, perSecond);
      assertThat(done.get()).isEqualTo(attempted.get());
      assertThat(sim.counters().get("sts", "GetCallerIdentity").failed()).isZero();
    }
  }
}
