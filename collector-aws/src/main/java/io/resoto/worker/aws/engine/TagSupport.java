package io.resoto.worker.aws.engine;

import java.util.List;
import java.util.Objects;

/**
 * How the tags of one kind are changed: the calls behind the core's {@code tag update} and
 * {@code tag delete}, as {@code service:Operation} (the IAM actions they need), and the code that
 * makes them. A kind declares it once ({@link AwsKind#tagSupport}); the families share theirs
 * (e.g. every EC2 kind tags through CreateTags/DeleteTags with its resource id).
 */
public final class TagSupport {

  /** Sets one tag; throws the SDK's exception when AWS refuses. */
  @FunctionalInterface
  public interface Update {
    void apply(TagContext ctx, String key, String value) throws Exception;
  }

  /** Removes one tag (a key the resource lacks is no error); throws when AWS refuses. */
  @FunctionalInterface
  public interface Delete {
    void apply(TagContext ctx, String key) throws Exception;
  }

  private final List<String> updateCalls;
  private final Update update;
  private final List<String> deleteCalls;
  private final Delete delete;

  private TagSupport(List<String> updateCalls, Update update, List<String> deleteCalls, Delete delete) {
    this.updateCalls = List.copyOf(updateCalls);
    this.update = Objects.requireNonNull(update, "update");
    this.deleteCalls = List.copyOf(deleteCalls);
    this.delete = Objects.requireNonNull(delete, "delete");
  }

  /** The tag support making these calls. */
  public static TagSupport of(List<String> updateCalls, Update update, List<String> deleteCalls, Delete delete) {
    return new TagSupport(updateCalls, update, deleteCalls, delete);
  }

  /** The calls a tag update may make, e.g. {@code [ec2:CreateTags]}. */
  public List<String> updateCalls() {
    return updateCalls;
  }

  /** The calls a tag delete may make, e.g. {@code [ec2:DeleteTags]}. */
  public List<String> deleteCalls() {
    return deleteCalls;
  }

  void update(TagContext ctx, String key, String value) throws Exception {
    update.apply(ctx, key, value);
  }

  void delete(TagContext ctx, String key) throws Exception {
    delete.apply(ctx, key);
  }
}
