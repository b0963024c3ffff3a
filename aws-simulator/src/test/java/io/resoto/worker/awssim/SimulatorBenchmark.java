package io.resoto.worker.awssim;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.EstateGenerator;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;
import software.amazon.awssdk.services.ec2.model.VolumeType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Figures for the simulator's targets: requests per second on this machine, and the heap an
 * estate of a million resources takes. Prints them; run with
 * {@code mvn -B -Pbenchmark -pl aws-simulator -am test}.
 */
@Tag("benchmark")
class SimulatorBenchmark {

  private static final int THREADS = 8;
  private static final int CALLS = 40_000;
  private static final long BUDGET_NANOS = 20_000_000_000L;

  private static AwsSimulator stsSimulator() throws Exception {
    AwsSimulator sim = SimSupport.start(new SimSupport.Keys());
    sim.on(GetCallerIdentityRequest.class, (ctx, req) -> GetCallerIdentityResponse.builder()
        .account(ctx.caller().accountId()).arn(ctx.caller().arn()).userId(ctx.caller().userId()).build());
    return sim;
  }

  /**
   * The server alone: one signed STS GetCallerIdentity request, replayed over keep-alive
   * connections by a light client (the JDK's), so the figure is mostly the simulator's cost:
   * signature verification, routing, decoding, the handler, encoding.
   */
  @Test
  void requestsPerSecondWithALightClient() throws Exception {
    try (AwsSimulator sim = stsSimulator()) {
      byte[] body = "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8);
      SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(sim.endpoint())
          .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
      SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
          .identity(AwsCredentialsIdentity.create(SimSupport.KEY_ID, SimSupport.SECRET))
          .request(unsigned).payload(ContentStreamProvider.fromByteArray(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
      HttpRequest.Builder template = HttpRequest.newBuilder(sim.endpoint())
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
        if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
          h.getValue().forEach(v -> template.header(h.getKey(), v));
        }
      }
      HttpRequest request = template.build();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(2)).build();
      double perSecond = drive(THREADS, () -> {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && r.body().contains(SimSupport.ACCOUNT);
      });
      System.out.printf("simulator, light client: %.0f requests/s (%d threads, %d cores)%n", perSecond, THREADS,
          Runtime.getRuntime().availableProcessors());
    }
  }

  /** The same with the real SDK client, whose own signing and parsing share the machine. */
  @Test
  void requestsPerSecondWithTheSdkClient() throws Exception {
    try (AwsSimulator sim = stsSimulator();
        StsClient sts = SimSupport.client(StsClient.builder(), sim.endpoint())) {
      double perSecond = drive(THREADS, () -> SimSupport.ACCOUNT.equals(sts.getCallerIdentity().account()));
      System.out.printf("simulator, AWS SDK client: %.0f requests/s (%d threads)%n", perSecond, THREADS);
    }
  }

  /** Heap held by a million resources as the simulator keeps them: the SDK's model objects. */
  @Test
  void heapOfAMillionResources() {
    int count = 1_000_000;
    long before = usedHeapAfterGc();
    List<Volume> volumes = new ArrayList<>(count);
    Instant created = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      volumes.add(Volume.builder()
          .volumeId(String.format("vol-%017x", i))
          .size(8 + i % 500)
          .volumeType(VolumeType.GP3)
          .state(VolumeState.IN_USE)
          .availabilityZone("us-east-1" + (char) ('a' + i % 3))
          .createTime(created.plusSeconds(i))
          .encrypted(i % 2 == 0)
          .tags(software.amazon.awssdk.services.ec2.model.Tag.builder().key("Name").value("volume-" + i).build(),
              software.amazon.awssdk.services.ec2.model.Tag.builder().key("owner").value(i % 3 == 0 ? "alice" : "bob").build())
          .build());
    }
    long after = usedHeapAfterGc();
    assertThat(volumes).hasSize(count);
    double mib = (after - before) / 1024.0 / 1024.0;
    System.out.printf("heap: %,d EC2 volumes with 2 tags each take %.0f MiB (%.0f bytes each); max heap %d MiB%n",
        count, mib, (after - before) / (double) count, Runtime.getRuntime().maxMemory() / 1024 / 1024);
  }

  /**
   * Tag writes on a collection of a million volumes served from the {@link ResourceStore}: the cost
   * of one write (which replaces one item, after a one-off id index), and that listing the
   * collection costs the same before and after writes.
   */
  @Test
  void tagWritesOnAMillionVolumes() {
    int count = 1_000_000;
    Estate estate = new EstateGenerator().accounts(1).regions(List.of("us-east-1"))
        .resources((account, region, seed) -> region.equals("us-east-1")
            ? Map.of("ec2", Map.of("Volumes", IntStream.range(0, count).mapToObj(i -> Map.of(
                "VolumeId", String.format("vol-%017x", i), "Size", 8 + i % 500, "VolumeType", "gp3",
                "State", "in-use", "Tags", List.of(Map.of("Key", "Name", "Value", "volume-" + i)))).toList()))
            : Map.of())
        .generate();
    String account = estate.accounts().get(0).id();
    ResourceStore store = new ResourceStore(estate);
    long before = usedHeapAfterGc();
    long t0 = System.nanoTime();
    List<Volume> volumes = store.list(account, "us-east-1", "ec2", "Volumes", Volume.class);
    long built = System.nanoTime() - t0;
    long heap = usedHeapAfterGc() - before;
    double listBefore = timeListing(store, account);

    ResourceStore.ItemKey<Volume> key = ResourceStore.ItemKey.of("VolumeId", Volume::volumeId);
    t0 = System.nanoTime();
    tag(store, account, key, 0);
    long firstWrite = System.nanoTime() - t0;
    int writes = 100_000;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    t0 = System.nanoTime();
    for (int i = 0; i < writes; i++) {
      tag(store, account, key, random.nextInt(count));
    }
    double perWrite = (System.nanoTime() - t0) / (double) writes;
    double listAfter = timeListing(store, account);
    assertThat(volumes.get(0).tags()).hasSize(2);

    System.out.printf("tag writes: %,d volumes built in %.1f s, %.0f MiB in the store; first write %.0f ms (builds"
        + " the id index), then %.1f µs per write (%,d writes); reading all items %.1f ms before writes,"
        + " %.1f ms after%n",
        count, built / 1e9, heap / 1024.0 / 1024.0, firstWrite / 1e6, perWrite / 1e3, writes, listBefore, listAfter);
  }

  private static void tag(ResourceStore store, String account, ResourceStore.ItemKey<Volume> key, int i) {
    store.update(account, "us-east-1", "ec2", "Volumes", Volume.class, key, String.format("vol-%017x", i), v -> {
      List<software.amazon.awssdk.services.ec2.model.Tag> tags = new ArrayList<>(v.tags());
      tags.removeIf(t -> t.key().equals("bench"));
      tags.add(software.amazon.awssdk.services.ec2.model.Tag.builder().key("bench").value("x").build());
      return v.toBuilder().tags(tags).build();
    });
  }

  /** Milliseconds to walk the whole collection once, as a listing without pages does. */
  private static double timeListing(ResourceStore store, String account) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      long size = 0;
      for (Volume v : store.list(account, "us-east-1", "ec2", "Volumes", Volume.class)) {
        size += v.size();
      }
      assertThat(size).isPositive();
      best = Math.min(best, (System.nanoTime() - t0) / 1e6);
    }
    return best;
  }

  private interface Call {
    boolean run() throws Exception;
  }

  private static double drive(int threads, Call call) throws Exception {
    for (int i = 0; i < 1_000; i++) {
      call.run(); // warm up both sides
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        // bounded by count and by time, so a slow machine still finishes
        while (System.nanoTime() - start < BUDGET_NANOS && next.getAndIncrement() < CALLS) {
          if (call.run()) {
            ok.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    assertThat(ok.get()).isPositive();
    return ok.get() / seconds;
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

}
