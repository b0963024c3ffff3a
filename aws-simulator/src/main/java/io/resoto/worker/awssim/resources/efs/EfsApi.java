package io.resoto.worker.awssim.resources.efs;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.efs.model.AccessPointDescription;
import software.amazon.awssdk.services.efs.model.DescribeAccessPointsRequest;
import software.amazon.awssdk.services.efs.model.DescribeAccessPointsResponse;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemPolicyResponse;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsRequest;
import software.amazon.awssdk.services.efs.model.DescribeMountTargetsResponse;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.MountTargetDescription;
import software.amazon.awssdk.services.efs.model.PutFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.Tag;
import software.amazon.awssdk.services.efs.model.TagResourceRequest;
import software.amazon.awssdk.services.efs.model.TagResourceResponse;
import software.amazon.awssdk.services.efs.model.UntagResourceRequest;
import software.amazon.awssdk.services.efs.model.UntagResourceResponse;

/**
 * EFS (REST-JSON, signing name {@code elasticfilesystem}): DescribeFileSystems,
 * DescribeFileSystemPolicy, DescribeMountTargets, DescribeAccessPoints, TagResource and
 * UntagResource, from the estate's {@code efs} collections {@code FileSystems}
 * ({@link FileSystemDescription}), {@code FileSystemPolicies} ({@link PutFileSystemPolicyRequest}:
 * FileSystemId, Policy), {@code MountTargets} ({@link MountTargetDescription}) and
 * {@code AccessPoints} ({@link AccessPointDescription}).
 *
 * <p>As in AWS: DescribeFileSystems pages by {@code MaxItems} (1..100, default 100) and
 * {@code Marker}, DescribeMountTargets by {@code MaxItems} (default 10) and {@code Marker} and needs
 * a file system, mount target or access point id, DescribeAccessPoints by {@code MaxResults}
 * (1..120, default 100) and {@code NextToken}; a bad size or marker is {@code BadRequest}; an unknown
 * file system is {@code FileSystemNotFound} (404), a file system without policy {@code PolicyNotFound};
 * the tag calls take a file system or access point id, refuse {@code aws:} keys and allow 50 tags.
 */
public final class EfsApi implements ResourceApi {

  private static final String S = "efs";
  private static final int MAX_TAGS = 50;
  private static final ItemKey<FileSystemDescription> FS = ItemKey.of("FileSystemId", FileSystemDescription::fileSystemId);
  private static final ItemKey<AccessPointDescription> AP =
      ItemKey.of("AccessPointId", AccessPointDescription::accessPointId);
  private static final ItemKey<PutFileSystemPolicyRequest> POLICY =
      ItemKey.of("FileSystemId", PutFileSystemPolicyRequest::fileSystemId);

  /** Registered in {@code ResourceApis.ALL}. */
  public EfsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeFileSystemsRequest.class, (ctx, req) -> {
      List<FileSystemDescription> all = store.regional(ctx, S, "FileSystems", FileSystemDescription.class).stream()
          .filter(f -> req.fileSystemId() == null || f.fileSystemId().equals(req.fileSystemId()))
          .filter(f -> req.creationToken() == null || req.creationToken().equals(f.creationToken())).toList();
      if (req.fileSystemId() != null && all.isEmpty()) {
        throw notFound(req.fileSystemId());
      }
      Page<FileSystemDescription> page = page(all, "efs:DescribeFileSystems:" + ctx.caller().accountId() + ":"
          + ctx.region() + ":" + req.fileSystemId() + ":" + req.creationToken(), req.marker(), req.maxItems(), 100, 100);
      return DescribeFileSystemsResponse.builder().fileSystems(page.items()).marker(req.marker())
          .nextMarker(page.nextToken()).build();
    });
    registry.on(DescribeFileSystemPolicyRequest.class, (ctx, req) -> {
      fileSystem(store, ctx, req.fileSystemId());
      PutFileSystemPolicyRequest p = store.findRegional(ctx, S, "FileSystemPolicies", PutFileSystemPolicyRequest.class,
          POLICY, req.fileSystemId());
      if (p == null) {
        throw AwsError.of(404, "PolicyNotFound", "No policy found for file system " + req.fileSystemId() + ".");
      }
      return DescribeFileSystemPolicyResponse.builder().fileSystemId(p.fileSystemId()).policy(p.policy()).build();
    });
    registry.on(DescribeMountTargetsRequest.class, (ctx, req) -> {
      if (req.fileSystemId() == null && req.mountTargetId() == null && req.accessPointId() == null) {
        throw AwsError.of(400, "BadRequest", "Must specify exactly one of FileSystemId, MountTargetId or AccessPointId.");
      }
      String fsId = req.fileSystemId();
      if (req.accessPointId() != null) {
        AccessPointDescription ap = store.findRegional(ctx, S, "AccessPoints", AccessPointDescription.class, AP,
            req.accessPointId());
        if (ap == null) {
          throw AwsError.of(404, "AccessPointNotFound", "Access point " + req.accessPointId() + " does not exist.");
        }
        fsId = ap.fileSystemId();
      }
      if (fsId != null) {
        fileSystem(store, ctx, fsId);
      }
      String fs = fsId;
      List<MountTargetDescription> all = store.regional(ctx, S, "MountTargets", MountTargetDescription.class).stream()
          .filter(m -> fs == null || fs.equals(m.fileSystemId()))
          .filter(m -> req.mountTargetId() == null || req.mountTargetId().equals(m.mountTargetId())).toList();
      if (req.mountTargetId() != null && all.isEmpty()) {
        throw AwsError.of(404, "MountTargetNotFound", "Mount target " + req.mountTargetId() + " does not exist.");
      }
      Page<MountTargetDescription> page = page(all, "efs:DescribeMountTargets:" + ctx.caller().accountId() + ":"
          + ctx.region() + ":" + fs + ":" + req.mountTargetId(), req.marker(), req.maxItems(), 10, 100);
      return DescribeMountTargetsResponse.builder().mountTargets(page.items()).marker(req.marker())
          .nextMarker(page.nextToken()).build();
    });
    registry.on(DescribeAccessPointsRequest.class, (ctx, req) -> {
      if (req.fileSystemId() != null) {
        fileSystem(store, ctx, req.fileSystemId());
      }
      List<AccessPointDescription> all = store.regional(ctx, S, "AccessPoints", AccessPointDescription.class).stream()
          .filter(a -> req.fileSystemId() == null || req.fileSystemId().equals(a.fileSystemId()))
          .filter(a -> req.accessPointId() == null || req.accessPointId().equals(a.accessPointId())).toList();
      if (req.accessPointId() != null && all.isEmpty()) {
        throw AwsError.of(404, "AccessPointNotFound", "Access point " + req.accessPointId() + " does not exist.");
      }
      Page<AccessPointDescription> page = page(all, "efs:DescribeAccessPoints:" + ctx.caller().accountId() + ":"
          + ctx.region() + ":" + req.fileSystemId() + ":" + req.accessPointId(), req.nextToken(), req.maxResults(),
          100, 120);
      return DescribeAccessPointsResponse.builder().accessPoints(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      for (Tag t : req.tags()) {
        if (t.key() == null || t.key().isEmpty() || t.key().startsWith("aws:")) {
          throw AwsError.of(400, "BadRequest", "Tag key " + t.key() + " is not valid.");
        }
      }
      retag(store, ctx, req.resourceId(), tags -> {
        req.tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      retag(store, ctx, req.resourceId(), tags -> {
        req.tagKeys().forEach(tags::remove);
        return tags;
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static FileSystemDescription fileSystem(ResourceStore store, CallContext ctx, String id) {
    FileSystemDescription fs = id == null ? null
        : store.findRegional(ctx, S, "FileSystems", FileSystemDescription.class, FS, id);
    if (fs == null) {
      throw notFound(id);
    }
    return fs;
  }

  private static AwsError notFound(String id) {
    return AwsError.of(404, "FileSystemNotFound", "File system '" + id + "' does not exist.");
  }

  private static <T> Page<T> page(List<T> all, String listing, String token, Integer size, int defaultSize, int max) {
    try {
      return Page.of(all, listing, token, size, defaultSize, max);
    } catch (AwsError e) {
      throw AwsError.of(400, "BadRequest", e.getMessage());
    }
  }

  private static void retag(ResourceStore store, CallContext ctx, String id, UnaryOperator<Map<String, String>> change) {
    if (id != null && store.findRegional(ctx, S, "FileSystems", FileSystemDescription.class, FS, id) != null) {
      store.updateRegional(ctx, S, "FileSystems", FileSystemDescription.class, FS, id,
          f -> f.toBuilder().tags(changed(f.tags(), change)).build());
    } else if (id != null && store.findRegional(ctx, S, "AccessPoints", AccessPointDescription.class, AP, id) != null) {
      store.updateRegional(ctx, S, "AccessPoints", AccessPointDescription.class, AP, id,
          a -> a.toBuilder().tags(changed(a.tags(), change)).build());
    } else {
      throw notFound(id);
    }
  }

  private static List<Tag> changed(List<Tag> tags, UnaryOperator<Map<String, String>> change) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    Map<String, String> out = change.apply(map);
    if (out.size() > MAX_TAGS) {
      throw AwsError.of(400, "BadRequest", "A resource can have at most " + MAX_TAGS + " tags.");
    }
    return out.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }
}
