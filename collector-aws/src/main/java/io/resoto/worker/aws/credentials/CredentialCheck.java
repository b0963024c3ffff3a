package io.resoto.worker.aws.credentials;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Whether the configured credentials work, for the worker's auto-enable: the credentials of
 * {@link CredentialChain#sources} (the ones a collect uses: keys, profiles, the environment, the
 * shared files, the container or instance role) answer {@code sts:GetCallerIdentity} in one of
 * {@link Partitions#DETECTION_REGIONS}, as the original collector's check. Every source and
 * region is asked at once; the first answer wins; nothing takes longer than the timeout.
 */
public final class CredentialCheck {

  /**
   * The answer.
   *
   * @param works true when some credentials answered
   * @param detail one line without secrets: who answered where, or why none did
   */
  public record Result(boolean works, String detail) {}

  private CredentialCheck() {}

  /** Asks, through the config's client factory (so {@code endpoint_url} applies). Never throws. */
  public static Result run(AwsConfig config, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CredentialChain.Source> sources;
    try {
      sources = CredentialChain.sources(config);
    } catch (RuntimeException e) {
      return new Result(false, "the credentials cannot be set up: " + describe(e));
    }
    AtomicInteger n = new AtomicInteger();
    int calls = sources.size() * Partitions.DETECTION_REGIONS.size();
    ExecutorService pool = Executors.newFixedThreadPool(sources.size() + calls, r -> {
      Thread t = new Thread(r, "aws-credential-check-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    CompletableFuture<String> answered = new CompletableFuture<>();
    Map<String, String> failures = Collections.synchronizedMap(new LinkedHashMap<>());
    AtomicInteger pending = new AtomicInteger(calls);
    AwsClientFactory clients = null;
    try {
      AwsClientFactory factory = new AwsClientFactory(config);
      clients = factory;
      for (CredentialChain.Source source : sources) {
        // resolved once per source: without credentials there is nothing to send
        CompletableFuture<AwsCredentials> resolved =
            CompletableFuture.supplyAsync(() -> source.provider().resolveCredentials(), pool);
        for (String region : Partitions.DETECTION_REGIONS) {
          resolved.thenApplyAsync(credentials -> callerIdentity(factory, credentials, region, deadline), pool)
              .whenComplete((arn, error) -> {
                if (error == null) {
                  answered.complete(source.label() + " answered in " + region + " (" + arn + ")");
                  return;
                }
                record(failures, source, region, resolved.isCompletedExceptionally(), unwrap(error));
                if (pending.decrementAndGet() == 0) {
                  answered.complete(null);
                }
              });
        }
      }
      String who;
      try {
        who = answered.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return new Result(false, "no answer from sts:GetCallerIdentity within " + timeout.toMillis() + " ms"
            + (failures.isEmpty() ? "" : "; " + summary(failures)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(false, "interrupted");
      } catch (ExecutionException e) {
        return new Result(false, describe(unwrap(e)));
      }
      return who != null ? new Result(true, who) : new Result(false, summary(failures));
    } catch (RuntimeException e) {
      return new Result(false, describe(e));
    } finally {
      pool.shutdownNow();
      if (clients != null) {
        clients.close();
      }
      for (CredentialChain.Source source : sources) {
        if (source.provider() instanceof SdkAutoCloseable closeable) {
          try {
            closeable.close();
          } catch (RuntimeException e) {
            // nothing left to do with it
          }
        }
      }
    }
  }

  private static String callerIdentity(AwsClientFactory clients, AwsCredentials credentials, String region,
      long deadline) {
    Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    try (StsClient sts = clients.create(StsClient.builder(), StaticCredentialsProvider.create(credentials), region)) {
      return sts.getCallerIdentity(r -> r.overrideConfiguration(o -> o.apiCallTimeout(left))).arn();
    }
  }

  /** One failure per source and region; a source whose credentials did not resolve, once. */
  private static void record(Map<String, String> failures, CredentialChain.Source source, String region,
      boolean unresolved, Throwable error) {
    if (unresolved) {
      failures.putIfAbsent(source.label(), noCredentials(source, error));
    } else {
      failures.put(source.label() + "\u0000" + region, describe(error));
    }
  }

  private static String noCredentials(CredentialChain.Source source, Throwable error) {
    if (source.profile() == null) {
      return "no credentials found (aws.access_key_id, aws.profiles, the environment, the shared files,"
          + " the container or instance role)";
    }
    return source.label() + ": no credentials: " + describe(error);
  }

  /** "access_key_id: InvalidClientTokenId in us-east-1, us-gov-west-1 and cn-north-1; ...". */
  private static String summary(Map<String, String> failures) {
    Map<String, Map<String, List<String>>> bySource = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    synchronized (failures) {
      failures.forEach((key, reason) -> {
        int split = key.indexOf('\u0000');
        if (split < 0) {
          lines.add(reason);
          return;
        }
        bySource.computeIfAbsent(key.substring(0, split), k -> new LinkedHashMap<>())
            .computeIfAbsent(reason, k -> new ArrayList<>()).add(key.substring(split + 1));
      });
    }
    bySource.forEach((label, reasons) -> {
      List<String> parts = new ArrayList<>();
      reasons.forEach((reason, regions) -> parts.add(reason + " in " + String.join(", ", order(regions))));
      lines.add(label + ": " + String.join("; ", parts));
    });
    return lines.isEmpty() ? "no credentials to check" : String.join("; ", lines);
  }

  private static List<String> order(List<String> regions) {
    return Partitions.DETECTION_REGIONS.stream().filter(regions::contains).toList();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * The AWS error code of a refused call (never its message, which may quote a key id), or the
   * first line of a client error, shortened.
   */
  static String describe(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException e && e.awsErrorDetails() != null) {
        return e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + ")";
      }
    }
    String message = error.getMessage();
    String line = message == null || message.isBlank() ? error.getClass().getSimpleName()
        : message.strip().lines().findFirst().orElse("").strip();
    // the SDK appends the whole parsed profile file (profile and key names) to profile errors
    int dump = line.indexOf(": ProfileFile(");
    line = dump < 0 ? line : line.substring(0, dump);
    return line.length() <= 200 ? line : line.substring(0, 197) + "...";
  }
}
