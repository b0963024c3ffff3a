package io.resoto.worker.awssim.resources.iam;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.resoto.worker.awssim.resources.DemoSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

/** Tag, Untag and List...Tags of IAM's entities through the real IAM client, against the demo estate. */
class IamTagsApiTest {

  private final DemoSimulation demo = new DemoSimulation();
  private final IamClient iam = demo.iam();

  @AfterEach
  void close() {
    iam.close();
    demo.close();
  }

  /**
   * One kind of entity: one of the demo's, a name that is not, and its three calls, each taking
   * the entity's name (or ARN).
   */
  record Entity(String kind, String name, String missing, String notFoundMessage,
      BiConsumer<IamClient, Tagging> tag, BiConsumer<IamClient, Untagging> untag,
      BiFunction<IamClient, String, List<Tag>> list) {
    @Override
    public String toString() {
      return kind;
    }
  }

  record Tagging(String name, List<Tag> tags) {}

  record Untagging(String name, List<String> keys) {}

  static Stream<Entity> entities() {
    return Stream.of(
        new Entity("user", "alice", "nobody", "The user with name nobody cannot be found.",
            (c, t) -> c.tagUser(r -> r.userName(t.name()).tags(t.tags())),
            (c, u) -> c.untagUser(r -> r.userName(u.name()).tagKeys(u.keys())),
            (c, n) -> c.listUserTags(r -> r.userName(n)).tags()),
        new Entity("role", "worker-node", "nobody", "The role with name nobody cannot be found.",
            (c, t) -> c.tagRole(r -> r.roleName(t.name()).tags(t.tags())),
            (c, u) -> c.untagRole(r -> r.roleName(u.name()).tagKeys(u.keys())),
            (c, n) -> c.listRoleTags(r -> r.roleName(n)).tags()),
        new Entity("policy", "arn:aws:iam::111111111111:policy/resoto-collect",
            "arn:aws:iam::111111111111:policy/nothing",
            "Policy arn:aws:iam::111111111111:policy/nothing does not exist or is not attachable.",
            (c, t) -> c.tagPolicy(r -> r.policyArn(t.name()).tags(t.tags())),
            (c, u) -> c.untagPolicy(r -> r.policyArn(u.name()).tagKeys(u.keys())),
            (c, n) -> c.listPolicyTags(r -> r.policyArn(n)).tags()),
        new Entity("instance profile", "worker-node", "nobody", "Instance Profile nobody cannot be found.",
            (c, t) -> c.tagInstanceProfile(r -> r.instanceProfileName(t.name()).tags(t.tags())),
            (c, u) -> c.untagInstanceProfile(r -> r.instanceProfileName(u.name()).tagKeys(u.keys())),
            (c, n) -> c.listInstanceProfileTags(r -> r.instanceProfileName(n)).tags()),
        new Entity("server certificate", "www-demo-example-com", "nobody",
            "The Server Certificate with name nobody cannot be found.",
            (c, t) -> c.tagServerCertificate(r -> r.serverCertificateName(t.name()).tags(t.tags())),
            (c, u) -> c.untagServerCertificate(r -> r.serverCertificateName(u.name()).tagKeys(u.keys())),
            (c, n) -> c.listServerCertificateTags(r -> r.serverCertificateName(n)).tags()));
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static List<Tag> numbered(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> tag("k" + i, "v" + i)).toList();
  }

  @ParameterizedTest
  @MethodSource("entities")
  void aTagWrittenIsListedAndUntaggingRemovesIt(Entity e) {
    List<Tag> before = e.list().apply(iam, e.name());

    e.tag().accept(iam, new Tagging(e.name(), List.of(tag("cost-center", "cc-42"), tag("tier", ""))));
    assertThat(e.list().apply(iam, e.name())).containsAll(before)
        .contains(tag("cost-center", "cc-42"), tag("tier", "")).hasSize(before.size() + 2);

    // keys are case-insensitive: writing one of another case replaces it
    e.tag().accept(iam, new Tagging(e.name(), List.of(tag("Cost-Center", "cc-7"))));
    assertThat(e.list().apply(iam, e.name())).contains(tag("Cost-Center", "cc-7"))
        .extracting(Tag::key).doesNotContain("cost-center");

    e.untag().accept(iam, new Untagging(e.name(), List.of("COST-center", "tier", "never-there")));
    assertThat(e.list().apply(iam, e.name())).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("entities")
  void anUnknownEntityIsNoSuchEntity(Entity e) {
    var error = awsError(() -> e.tag().accept(iam, new Tagging(e.missing(), List.of(tag("a", "b")))), 404,
        "NoSuchEntity");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(e.notFoundMessage());
    awsError(() -> e.untag().accept(iam, new Untagging(e.missing(), List.of("a"))), 404, "NoSuchEntity");
    awsError(() -> e.list().apply(iam, e.missing()), 404, "NoSuchEntity");
  }

  @ParameterizedTest
  @MethodSource("entities")
  void tagsAreCheckedAsIamChecksThem(Entity e) {
    var tooLongKey = awsError(() -> e.tag().accept(iam, new Tagging(e.name(), List.of(tag("k".repeat(129), "v")))),
        400, "ValidationError");
    assertThat(tooLongKey.awsErrorDetails().errorMessage()).contains("'tags.1.member.key'")
        .contains("Member must have length less than or equal to 128");
    var tooLongValue = awsError(() -> e.tag().accept(iam, new Tagging(e.name(),
        List.of(tag("a", "b"), tag("k", "v".repeat(257))))), 400, "ValidationError");
    assertThat(tooLongValue.awsErrorDetails().errorMessage()).contains("'tags.2.member.value'");
    awsError(() -> e.tag().accept(iam, new Tagging(e.name(), List.of(tag("bad#key", "v")))), 400,
        "ValidationError");
    awsError(() -> e.tag().accept(iam, new Tagging(e.name(), List.of(tag("aws:owner", "v")))), 400, "InvalidInput");
    var duplicate = awsError(() -> e.tag().accept(iam, new Tagging(e.name(),
        List.of(tag("Team", "a"), tag("team", "b")))), 400, "InvalidInput");
    assertThat(duplicate.awsErrorDetails().errorMessage())
        .isEqualTo("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    awsError(() -> e.tag().accept(iam, new Tagging(e.name(), numbered(51))), 400, "ValidationError");
    awsError(() -> e.tag().accept(iam, new Tagging(e.name(), List.of())), 400, "ValidationError");

    // the limits themselves pass
    e.tag().accept(iam, new Tagging(e.name(), List.of(tag("k".repeat(128), "v".repeat(256)))));
    assertThat(e.list().apply(iam, e.name())).contains(tag("k".repeat(128), "v".repeat(256)));
  }

  @ParameterizedTest
  @MethodSource("entities")
  void anEntityHoldsAtMostFiftyTags(Entity e) {
    int held = e.list().apply(iam, e.name()).size();
    e.tag().accept(iam, new Tagging(e.name(), numbered(50 - held)));
    assertThat(e.list().apply(iam, e.name())).hasSize(50);

    var full = awsError(() -> e.tag().accept(iam, new Tagging(e.name(), List.of(tag("one-more", "x")))), 409,
        "LimitExceeded");
    assertThat(full.awsErrorDetails().errorMessage()).startsWith("Cannot exceed quota for TagsPer").endsWith(": 50");
    // overwriting a key of a full entity passes
    e.tag().accept(iam, new Tagging(e.name(), List.of(tag("k1", "changed"))));
    assertThat(e.list().apply(iam, e.name())).hasSize(50).contains(tag("k1", "changed"));
  }

  @Test
  void userAndRoleTagsAreInTheAuthorizationDetails() {
    iam.tagUser(r -> r.userName("alice").tags(tag("on-call", "yes")));
    iam.tagRole(r -> r.roleName("worker-pod").tags(tag("cluster", "demo")));
    iam.untagRole(r -> r.roleName("worker-pod").tagKeys("kubernetes-namespace"));

    GetAccountAuthorizationDetailsResponse details = iam.getAccountAuthorizationDetails(r -> r.filter(
        EntityType.USER, EntityType.ROLE));
    assertThat(details.userDetailList()).filteredOn(u -> u.userName().equals("alice")).singleElement()
        .extracting(UserDetail::tags).asList().containsExactly(tag("team", "platform"), tag("on-call", "yes"));
    assertThat(details.roleDetailList()).filteredOn(r -> r.roleName().equals("worker-pod")).singleElement()
        .extracting(RoleDetail::tags).asList().containsExactly(tag("app", "resoto-worker"), tag("cluster", "demo"));
    // the other entities are as the estate has them
    assertThat(details.userDetailList()).filteredOn(u -> u.userName().equals("collector")).singleElement()
        .extracting(UserDetail::tags).asList().containsExactly(tag("owner", "platform-team"),
            tag("purpose", "inventory"));
  }

  @Test
  void tagsOfOneAccountAreNotAnothers() {
    iam.tagRole(r -> r.roleName("worker-node").tags(tag("only", "here")));
    // the demo's other accounts have no role worker-node, and account 111111111111 no role payments-ci
    awsError(() -> iam.tagUser(r -> r.userName("payments-ci").tags(tag("a", "b"))), 404, "NoSuchEntity");
  }

  @Test
  void tagListingsPageWithMarkerAndMaxItems() {
    iam.tagUser(r -> r.userName("ci-deploy").tags(tag("b", "2"), tag("c", "3")));
    ListUserTagsResponse first = iam.listUserTags(r -> r.userName("ci-deploy").maxItems(2));
    assertThat(first.tags()).extracting(Tag::key).containsExactly("owner", "b");
    assertThat(first.isTruncated()).isTrue();
    ListUserTagsResponse second = iam.listUserTags(r -> r.userName("ci-deploy").maxItems(2).marker(first.marker()));
    assertThat(second.tags()).extracting(Tag::key).containsExactly("c");
    assertThat(second.isTruncated()).isFalse();
    assertThat(iam.listUserTagsPaginator(r -> r.userName("ci-deploy").maxItems(1)).tags()).hasSize(3);

    awsError(() -> iam.listUserTags(r -> r.userName("ci-deploy").maxItems(0)), 400, "ValidationError");
    awsError(() -> iam.listUserTags(r -> r.userName("ci-deploy").marker("bogus")), 400, "ValidationError");
  }

  @Test
  void untagChecksItsKeys() {
    awsError(() -> iam.untagUser(r -> r.userName("alice")), 400, "ValidationError");
    awsError(() -> iam.untagUser(r -> r.userName("alice").tagKeys(numbered(51).stream().map(Tag::key).toList())),
        400, "ValidationError");
  }

  @Test
  void concurrentTagWritesToOneUserLoseNoUpdate() throws Exception {
    int writers = 4;
    int keysEach = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(pool.submit(() -> {
          for (int k = 0; k < keysEach; k++) {
            String key = "w" + writer + "-" + k;
            iam.tagUser(r -> r.userName("alice").tags(tag(key, "x"), tag("scratch" + writer, "y")));
            iam.untagUser(r -> r.userName("alice").tagKeys("scratch" + writer));
          }
          return null;
        }));
      }
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 30; i++) {
          assertThat(iam.getAccountAuthorizationDetails().userDetailList()).hasSize(3);
        }
        return null;
      }));
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> keys = iam.listUserTags(r -> r.userName("alice")).tags().stream().map(Tag::key).toList();
    assertThat(keys).hasSize(1 + writers * keysEach).contains("team").noneMatch(k -> k.startsWith("scratch"));
    Function<Integer, String> anyKey = w -> "w" + w + "-" + (keysEach - 1);
    assertThat(keys).contains(anyKey.apply(0), anyKey.apply(writers - 1));
  }

  @Test
  void instanceProfileTagsAreNotInItsListingAsOnAws() {
    iam.tagInstanceProfile(r -> r.instanceProfileName("worker-node").tags(tag("a", "b")));
    assertThat(iam.listInstanceProfiles().instanceProfiles()).singleElement()
        .satisfies(p -> assertThat(p.tags()).isEmpty());
    assertThat(iam.listInstanceProfileTags(r -> r.instanceProfileName("worker-node")).tags())
        .extracting(Tag::key, Tag::value).containsExactly(tuple("a", "b"));
  }
}
