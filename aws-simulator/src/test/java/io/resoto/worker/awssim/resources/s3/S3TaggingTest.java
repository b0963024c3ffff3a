package io.resoto.worker.awssim.resources.s3;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.resources.DemoSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/** PutBucketTagging and DeleteBucketTagging through the real S3 client, read back with GetBucketTagging. */
class S3TaggingTest {
  private static final String BUCKET = "demo-mgmt-artifacts";

  private final DemoSimulation demo = new DemoSimulation();
  private final S3Client s3 = demo.s3();

  @AfterEach
  void close() {
    s3.close();
    demo.close();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private List<Tag> tags(String bucket) {
    return s3.getBucketTagging(r -> r.bucket(bucket)).tagSet();
  }

  private void put(String bucket, List<Tag> tags) {
    s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(tags)));
  }

  @Test
  void putReplacesTheTagSetAndDeleteRemovesIt() {
    assertThat(tags(BUCKET)).containsExactly(tag("owner", "release-team"), tag("env", "prod"));

    put(BUCKET, List.of(tag("owner", "platform-team"), tag("cost-center", "cc-42")));
    assertThat(tags(BUCKET)).containsExactly(tag("owner", "platform-team"), tag("cost-center", "cc-42"));
    // the other bucket keeps its own
    assertThat(tags("demo-mgmt-logs")).containsExactly(tag("owner", "platform-team"));

    s3.deleteBucketTagging(r -> r.bucket(BUCKET));
    awsError(() -> tags(BUCKET), 404, "NoSuchTagSet");
    // deleting what is not there is no error, as on S3
    s3.deleteBucketTagging(r -> r.bucket(BUCKET));

    put(BUCKET, List.of(tag("fresh", "")));
    assertThat(tags(BUCKET)).containsExactly(tag("fresh", ""));
  }

  @Test
  void anEmptyTagSetLeavesTheBucketWithout() {
    put(BUCKET, List.of());
    awsError(() -> tags(BUCKET), 404, "NoSuchTagSet");
  }

  @Test
  void bucketsThatAreNotTheCallersAreNoSuchBucket() {
    for (String bucket : List.of("no-such-bucket", "demo-payments-statements")) {
      awsError(() -> put(bucket, List.of(tag("a", "b"))), 404, "NoSuchBucket");
      awsError(() -> s3.deleteBucketTagging(r -> r.bucket(bucket)), 404, "NoSuchBucket");
    }
  }

  @Test
  void tagSetsAreCheckedAsS3ChecksThem() {
    put(BUCKET, IntStream.rangeClosed(1, 50).mapToObj(i -> tag("k" + i, "v")).toList());
    assertThat(tags(BUCKET)).hasSize(50);
    var tooMany = awsError(() -> put(BUCKET, IntStream.rangeClosed(1, 51).mapToObj(i -> tag("k" + i, "v")).toList()),
        400, "BadRequest");
    assertThat(tooMany.awsErrorDetails().errorMessage()).isEqualTo("Bucket tag count cannot be greater than 50");
    put(BUCKET, List.of(tag("k".repeat(128), "v".repeat(256))));

    var longKey = awsError(() -> put(BUCKET, List.of(tag("k".repeat(129), "v"))), 400, "InvalidTag");
    assertThat(longKey.awsErrorDetails().errorMessage()).isEqualTo("The TagKey you have provided is invalid");
    var longValue = awsError(() -> put(BUCKET, List.of(tag("k", "v".repeat(257)))), 400, "InvalidTag");
    assertThat(longValue.awsErrorDetails().errorMessage()).isEqualTo("The TagValue you have provided is invalid");
    awsError(() -> put(BUCKET, List.of(tag("bad#key", "v"))), 400, "InvalidTag");
    var reserved = awsError(() -> put(BUCKET, List.of(tag("aws:owner", "v"))), 400, "InvalidTag");
    assertThat(reserved.awsErrorDetails().errorMessage()).isEqualTo("System tags cannot be added/updated by requester");
    var duplicate = awsError(() -> put(BUCKET, List.of(tag("a", "1"), tag("a", "2"))), 400, "InvalidTag");
    assertThat(duplicate.awsErrorDetails().errorMessage()).isEqualTo("Cannot provide multiple Tags with the same key");
    // a refused set changes nothing
    assertThat(tags(BUCKET)).containsExactly(tag("k".repeat(128), "v".repeat(256)));
  }

  @Test
  void tagWritesAreCounted() {
    demo.sim().aws().counters().reset();
    put(BUCKET, List.of(tag("a", "b")));
    s3.deleteBucketTagging(r -> r.bucket(BUCKET));
    assertThat(demo.sim().aws().counters().get("s3", "PutBucketTagging").calls()).isEqualTo(1);
    assertThat(demo.sim().aws().counters().get("s3", "DeleteBucketTagging").calls()).isEqualTo(1);
  }

  @Test
  void concurrentPutsAndReadsOfTwoBucketsSeeWholeTagSets() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (String bucket : List.of(BUCKET, "demo-mgmt-logs")) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 30; i++) {
            int n = i;
            put(bucket, List.of(tag("round", String.valueOf(n)), tag("twin", String.valueOf(n))));
          }
          return null;
        }));
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 30; i++) {
            // a set is written whole: both tags always carry the same round
            List<Tag> seen = tags(bucket);
            if (seen.size() == 2 && seen.get(0).key().equals("round")) {
              assertThat(seen.get(1).value()).isEqualTo(seen.get(0).value());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tags(BUCKET)).containsExactly(tag("round", "29"), tag("twin", "29"));
    assertThat(tags("demo-mgmt-logs")).containsExactly(tag("round", "29"), tag("twin", "29"));
  }
}
