package io.resoto.worker.awssim.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;

class ResourceStoreTest {
  private static final String ACCOUNT = "123456789012";
  private static final Estate ESTATE = Estate.parse("""
      accounts: [{id: "123456789012", name: a, regions: [us-east-1]}]
      resources:
        "123456789012":
          us-east-1:
            ec2:
              Volumes:
                - {VolumeId: vol-1, Size: 8, Tags: [{Key: Name, Value: one}]}
                - {VolumeId: vol-2, Size: 16}
                - {VolumeId: vol-3, Size: 32}
              Reservations:
                - ReservationId: r-1
                  Instances: [{InstanceId: i-1}, {InstanceId: i-2, Tags: [{Key: env, Value: dev}]}]
                - ReservationId: r-2
                  Instances: [{InstanceId: i-3}]
      """, "store-test.yaml");
  private static final ItemKey<Volume> VOLUME_ID = ItemKey.of("VolumeId", Volume::volumeId);
  private static final ItemKey<Reservation> INSTANCE_ID =
      new ItemKey<>("InstanceId", r -> r.instances().stream().map(Instance::instanceId).toList());
  private static final ItemKey<PutBucketTaggingRequest> BUCKET = ItemKey.of("Bucket", PutBucketTaggingRequest::bucket);

  private final ResourceStore store = new ResourceStore(ESTATE);

  private List<Volume> volumes() {
    return store.list(ACCOUNT, "us-east-1", "ec2", "Volumes", Volume.class);
  }

  private Volume tagged(Volume v, String key, String value) {
    List<Tag> tags = new ArrayList<>(v.tags());
    tags.add(Tag.builder().key(key).value(value).build());
    return v.toBuilder().tags(tags).build();
  }

  private Volume tagVolume(String id, String key, String value) {
    return store.update(ACCOUNT, "us-east-1", "ec2", "Volumes", Volume.class, VOLUME_ID, id,
        v -> tagged(v, key, value));
  }

  @Test
  void aReplacedItemIsInTheNextListingAndInListsHandedOutBefore() {
    List<Volume> before = volumes();
    Volume first = before.get(0);
    Volume third = before.get(2);

    Volume written = tagVolume("vol-2", "owner", "ops");

    assertThat(written.tags()).extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple(
        "owner", "ops"));
    assertThat(volumes()).extracting(Volume::volumeId).containsExactly("vol-1", "vol-2", "vol-3");
    assertThat(volumes().get(1)).isSameAs(written);
    assertThat(before.get(1)).isSameAs(written);
    // the other items are the very same objects: a write rebuilds one item, not the collection
    assertThat(volumes().get(0)).isSameAs(first);
    assertThat(volumes().get(2)).isSameAs(third);
    assertThat(store.find(ACCOUNT, "us-east-1", "ec2", "Volumes", Volume.class, VOLUME_ID, "vol-2"))
        .isSameAs(written);
  }

  @Test
  void listsAreReadOnly() {
    assertThatThrownBy(() -> volumes().set(0, null)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> volumes().add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anItemHoldingSeveralResourcesIsFoundByEachOfTheirIds() {
    Reservation r = store.update(ACCOUNT, "us-east-1", "ec2", "Reservations", Reservation.class, INSTANCE_ID, "i-2",
        res -> res.toBuilder().instances(res.instances().stream()
            .map(i -> i.instanceId().equals("i-2") ? i.toBuilder().tags(List.of()).build() : i).toList()).build());

    assertThat(r.reservationId()).isEqualTo("r-1");
    List<Reservation> all = store.list(ACCOUNT, "us-east-1", "ec2", "Reservations", Reservation.class);
    assertThat(all).extracting(Reservation::reservationId).containsExactly("r-1", "r-2");
    assertThat(all.get(0).instances()).extracting(Instance::instanceId).containsExactly("i-1", "i-2");
    assertThat(all.get(0).instances().get(1).tags()).isEmpty();
    assertThat(store.find(ACCOUNT, "us-east-1", "ec2", "Reservations", Reservation.class, INSTANCE_ID, "i-3")
        .reservationId()).isEqualTo("r-2");
  }

  @Test
  void anUnknownIdGivesTheChangeNothingAndNothingIsAddedWhenItReturnsNothing() {
    AtomicInteger calls = new AtomicInteger();
    Volume out = store.update(ACCOUNT, "us-east-1", "ec2", "Volumes", Volume.class, VOLUME_ID, "vol-9", v -> {
      calls.incrementAndGet();
      assertThat(v).isNull();
      return null;
    });
    assertThat(out).isNull();
    assertThat(calls).hasValue(1);
    assertThat(volumes()).hasSize(3);
  }

  @Test
  void itemsAreAddedAndRemovedInCollectionsTheEstateDoesNotHave() {
    List<PutBucketTaggingRequest> empty =
        store.list(ACCOUNT, "global", "s3", "BucketTagging", PutBucketTaggingRequest.class);
    assertThat(empty).isEmpty();

    for (String bucket : List.of("a", "b", "c")) {
      store.update(ACCOUNT, "global", "s3", "BucketTagging", PutBucketTaggingRequest.class, BUCKET, bucket,
          current -> PutBucketTaggingRequest.builder().bucket(bucket).build());
    }
    store.update(ACCOUNT, "global", "s3", "BucketTagging", PutBucketTaggingRequest.class, BUCKET, "b",
        current -> null);
    store.update(ACCOUNT, "global", "s3", "BucketTagging", PutBucketTaggingRequest.class, BUCKET, "c",
        current -> current.toBuilder().expectedBucketOwner(ACCOUNT).build());

    List<PutBucketTaggingRequest> now =
        store.list(ACCOUNT, "global", "s3", "BucketTagging", PutBucketTaggingRequest.class);
    assertThat(now).extracting(PutBucketTaggingRequest::bucket).containsExactly("a", "c");
    assertThat(now.get(1).expectedBucketOwner()).isEqualTo(ACCOUNT);
    // a list handed out before does not change its length
    assertThat(empty).isEmpty();
  }

  @Test
  void aFailingChangeLeavesTheCollectionAsItWas() {
    Volume before = volumes().get(0);
    assertThatThrownBy(() -> store.update(ACCOUNT, "us-east-1", "ec2", "Volumes", Volume.class, VOLUME_ID, "vol-1",
        v -> {
          throw new IllegalStateException("refused");
        })).hasMessage("refused");
    assertThat(volumes().get(0)).isSameAs(before);
  }

  /**
   * Writers add tags to one volume and to two instances of one reservation while readers walk the
   * lists: every write survives (none overwrites another's change of the same item) and no reader
   * fails.
   */
  @Test
  void concurrentWritesToOneItemLoseNothingWhileReadersIterate() throws Exception {
    int writers = 6;
    int writesEach = 200;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> {
          start.await();
          long seen = 0;
          while (!done.get()) {
            for (Volume v : volumes()) {
              seen += v.tags().size();
            }
            for (Reservation res : store.list(ACCOUNT, "us-east-1", "ec2", "Reservations", Reservation.class)) {
              seen += res.instances().stream().mapToInt(i -> i.tags().size()).sum();
            }
          }
          return seen;
        }));
      }
      List<Future<?>> writing = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writing.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < writesEach; i++) {
            tagVolume("vol-3", "w" + writer + "-" + i, "x");
            String instance = writer % 2 == 0 ? "i-1" : "i-2";
            store.update(ACCOUNT, "us-east-1", "ec2", "Reservations", Reservation.class, INSTANCE_ID, instance,
                res -> res.toBuilder().instances(res.instances().stream().map(in -> in.instanceId().equals(instance)
                    ? in.toBuilder().tags(withTag(in.tags(), "w" + writer + "-" + in.tags().size())).build()
                    : in).toList()).build());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : writing) {
        f.get(60, TimeUnit.SECONDS);
      }
      done.set(true);
      for (Future<?> f : readers) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(volumes().get(2).tags()).hasSize(writers * writesEach);
    Reservation r1 = store.list(ACCOUNT, "us-east-1", "ec2", "Reservations", Reservation.class).get(0);
    assertThat(r1.instances().get(0).tags()).hasSize(writers / 2 * writesEach);
    // i-2 had one tag before
    assertThat(r1.instances().get(1).tags()).hasSize(writers / 2 * writesEach + 1);
  }

  private static List<Tag> withTag(List<Tag> tags, String key) {
    List<Tag> out = new ArrayList<>(tags);
    out.add(Tag.builder().key(key).value("x").build());
    return out;
  }
}
