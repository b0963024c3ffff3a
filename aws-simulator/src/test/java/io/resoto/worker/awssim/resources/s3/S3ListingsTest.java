package io.resoto.worker.awssim.resources.s3;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.resources.DemoSimulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * ListBuckets' Prefix, BucketRegion and MaxBuckets pages and the per-bucket reads' answers for
 * missing buckets and configurations, through the real client against the demo estate (account
 * 111111111111).
 */
class S3ListingsTest {
  private static DemoSimulation demo;
  private static S3Client s3;

  @BeforeAll
  static void start() {
    demo = new DemoSimulation();
    s3 = demo.s3();
  }

  @AfterAll
  static void stop() {
    s3.close();
    demo.close();
  }

  @Test
  void prefixAndBucketRegionSelectBuckets() {
    assertThat(s3.listBuckets().buckets()).extracting(Bucket::name)
        .containsExactly("demo-mgmt-artifacts", "demo-mgmt-logs");
    assertThat(s3.listBuckets(r -> r.prefix("demo-mgmt-l")).buckets()).extracting(Bucket::name)
        .containsExactly("demo-mgmt-logs");
    assertThat(s3.listBuckets(r -> r.prefix("other")).buckets()).isEmpty();
    assertThat(s3.listBuckets(r -> r.bucketRegion("eu-central-1")).buckets()).extracting(Bucket::name)
        .containsExactly("demo-mgmt-logs");
    assertThat(s3.listBuckets(r -> r.bucketRegion("us-east-1").prefix("demo-mgmt-l")).buckets()).isEmpty();
  }

  @Test
  void maxBucketsPagesWithAContinuationToken() {
    ListBucketsResponse first = s3.listBuckets(r -> r.maxBuckets(1));
    assertThat(first.buckets()).extracting(Bucket::name).containsExactly("demo-mgmt-artifacts");
    assertThat(first.continuationToken()).isNotNull();
    ListBucketsResponse second = s3.listBuckets(r -> r.maxBuckets(1).continuationToken(first.continuationToken()));
    assertThat(second.buckets()).extracting(Bucket::name).containsExactly("demo-mgmt-logs");
    assertThat(second.continuationToken()).isNull();
    assertThat(s3.listBucketsPaginator(r -> r.maxBuckets(1)).buckets()).hasSize(2);
    awsError(() -> s3.listBuckets(r -> r.maxBuckets(10001)), 400, "InvalidParameterValue");
  }

  @Test
  void bucketRegionIsAnsweredOnlyToARequestWithAParameter() {
    assertThat(s3.listBuckets().buckets()).extracting(Bucket::bucketRegion).containsOnlyNulls();
    assertThat(s3.listBuckets(r -> r.maxBuckets(10)).buckets()).extracting(Bucket::bucketRegion)
        .containsExactly("us-east-1", "eu-central-1");
    assertThat(s3.listBuckets(r -> r.prefix("demo-mgmt-l")).buckets()).extracting(Bucket::bucketRegion)
        .containsExactly("eu-central-1");
  }

  @Test
  void bucketReadsAnswerAsS3ForMissingBucketsAndConfigurations() {
    assertThat(s3.getBucketLocation(r -> r.bucket("demo-mgmt-artifacts")).locationConstraintAsString()).isNullOrEmpty();
    assertThat(s3.getBucketLocation(r -> r.bucket("demo-mgmt-logs")).locationConstraintAsString())
        .isEqualTo("eu-central-1");
    awsError(() -> s3.getBucketLocation(r -> r.bucket("demo-payments-statements")), 404, "NoSuchBucket");
    awsError(() -> s3.getBucketPolicy(r -> r.bucket("demo-mgmt-artifacts")), 404, "NoSuchBucketPolicy");
    awsError(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket("demo-mgmt-artifacts")), 404,
        "NoSuchLifecycleConfiguration");
    assertThat(s3.getBucketVersioning(r -> r.bucket("demo-mgmt-logs")).status()).isNull();
  }
}
