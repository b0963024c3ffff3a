package io.resoto.worker.awssim.resources.ecs;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceField;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;

/**
 * ECS (JSON 1.1): the cluster listings (ListClusters, DescribeClusters, List/DescribeContainer
 * Instances, List/DescribeServices, List/DescribeTasks, DescribeCapacityProviders), the task
 * definitions (ListTaskDefinitions, DescribeTaskDefinition) and TagResource/UntagResource, from the
 * estate's {@code ecs} collections in the APIs' own item shapes: {@code Clusters}
 * ({@link Cluster}), {@code ContainerInstances} ({@link ContainerInstance}), {@code Services}
 * ({@link Service}), {@code Tasks} ({@link Task}), {@code CapacityProviders}
 * ({@link CapacityProvider}), {@code TaskDefinitions} ({@link TaskDefinition}) and, as a task
 * definition carries no tags of its own, {@code TaskDefinitionTags} ({@link TagResourceRequest}:
 * resourceArn, tags).
 *
 * <p>As in AWS: container instances, services and tasks belong to the cluster their long-format
 * ARN names ({@code container-instance/CLUSTER/ID}; services and tasks by {@code clusterArn});
 * clusters and the other resources are named by name/id or ARN; an unknown cluster in a per-cluster
 * call is {@code ClusterNotFoundException}, unknown items of Describe calls are answered as
 * {@code failures} (reason MISSING); the lists page by {@code maxResults} (1..100) and
 * {@code nextToken} ({@code InvalidParameterException} otherwise); a Describe call takes at most
 * 100 items (10 services); tags, statistics, settings, configurations, attachments and
 * container-instance health are returned only when {@code include} asks for them; tag keys
 * starting with {@code aws:} are refused and a resource holds at most 50 tags.
 */
public final class EcsApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final String S = "ecs";
  private static final ItemKey<Cluster> CLUSTER = ItemKey.of("clusterArn", Cluster::clusterArn);
  private static final ItemKey<ContainerInstance> INSTANCE =
      ItemKey.of("containerInstanceArn", ContainerInstance::containerInstanceArn);
  private static final ItemKey<Service> SERVICE = ItemKey.of("serviceArn", Service::serviceArn);
  private static final ItemKey<Task> TASK = ItemKey.of("taskArn", Task::taskArn);
  private static final ItemKey<CapacityProvider> PROVIDER =
      ItemKey.of("capacityProviderArn", CapacityProvider::capacityProviderArn);
  private static final ItemKey<TaskDefinition> DEFINITION =
      ItemKey.of("taskDefinitionArn", TaskDefinition::taskDefinitionArn);
  private static final ItemKey<TagResourceRequest> DEFINITION_TAGS =
      ItemKey.of("resourceArn", TagResourceRequest::resourceArn);

  /** Registered in {@code ResourceApis.ALL}. */
  public EcsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListClustersRequest.class, (ctx, req) -> {
      Page<String> page = page(list(store, ctx, "Clusters", Cluster.class).stream().map(Cluster::clusterArn).toList(),
          "ecs:ListClusters:" + ctx.caller().accountId() + ":" + ctx.region(), req.nextToken(), req.maxResults(), 100);
      return ListClustersResponse.builder().clusterArns(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeClustersRequest.class, (ctx, req) -> {
      List<String> names = req.hasClusters() && !req.clusters().isEmpty() ? req.clusters() : List.of("default");
      atMost(names, 100, "clusters");
      List<Cluster> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String name : names) {
        Cluster c = findCluster(store, ctx, name);
        if (c == null) {
          failures.add(missing(name));
        } else {
          Cluster.Builder b = c.toBuilder();
          if (!req.include().contains(ClusterField.TAGS)) {
            b.tags((List<Tag>) null);
          }
          if (!req.include().contains(ClusterField.STATISTICS)) {
            b.statistics((List<software.amazon.awssdk.services.ecs.model.KeyValuePair>) null);
          }
          if (!req.include().contains(ClusterField.SETTINGS)) {
            b.settings((List<software.amazon.awssdk.services.ecs.model.ClusterSetting>) null);
          }
          if (!req.include().contains(ClusterField.CONFIGURATIONS)) {
            b.configuration((software.amazon.awssdk.services.ecs.model.ClusterConfiguration) null);
          }
          if (!req.include().contains(ClusterField.ATTACHMENTS)) {
            b.attachments((List<software.amazon.awssdk.services.ecs.model.Attachment>) null).attachmentsStatus(null);
          }
          found.add(b.build());
        }
      }
      return DescribeClustersResponse.builder().clusters(found).failures(failures).build();
    });
    registry.on(ListContainerInstancesRequest.class, (ctx, req) -> {
      Cluster c = cluster(store, ctx, req.cluster());
      List<String> arns = list(store, ctx, "ContainerInstances", ContainerInstance.class).stream()
          .map(ContainerInstance::containerInstanceArn).filter(a -> c.clusterName().equals(pathPart(a, 0))).toList();
      Page<String> page = page(arns, "ecs:ListContainerInstances:" + c.clusterArn(), req.nextToken(),
          req.maxResults(), 100);
      return ListContainerInstancesResponse.builder().containerInstanceArns(page.items())
          .nextToken(page.nextToken()).build();
    });
    registry.on(DescribeContainerInstancesRequest.class, (ctx, req) -> {
      Cluster c = cluster(store, ctx, req.cluster());
      atMost(req.containerInstances(), 100, "containerInstances");
      List<ContainerInstance> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String id : req.containerInstances()) {
        ContainerInstance ci = list(store, ctx, "ContainerInstances", ContainerInstance.class).stream()
            .filter(i -> c.clusterName().equals(pathPart(i.containerInstanceArn(), 0))
                && (i.containerInstanceArn().equals(id) || i.containerInstanceArn().endsWith("/" + id)))
            .findFirst().orElse(null);
        if (ci == null) {
          failures.add(missing(id));
        } else {
          ContainerInstance.Builder b = ci.toBuilder();
          if (!req.include().contains(ContainerInstanceField.TAGS)) {
            b.tags((List<Tag>) null);
          }
          if (!req.include().contains(ContainerInstanceField.CONTAINER_INSTANCE_HEALTH)) {
            b.healthStatus((software.amazon.awssdk.services.ecs.model.ContainerInstanceHealthStatus) null);
          }
          found.add(b.build());
        }
      }
      return DescribeContainerInstancesResponse.builder().containerInstances(found).failures(failures).build();
    });
    registry.on(ListServicesRequest.class, (ctx, req) -> {
      Cluster c = cluster(store, ctx, req.cluster());
      List<String> arns = list(store, ctx, "Services", Service.class).stream()
          .filter(s -> c.clusterArn().equals(s.clusterArn())).map(Service::serviceArn).toList();
      Page<String> page = page(arns, "ecs:ListServices:" + c.clusterArn(), req.nextToken(), req.maxResults(), 10);
      return ListServicesResponse.builder().serviceArns(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeServicesRequest.class, (ctx, req) -> {
      Cluster c = cluster(store, ctx, req.cluster());
      atMost(req.services(), 10, "services");
      List<Service> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String id : req.services()) {
        Service s = list(store, ctx, "Services", Service.class).stream()
            .filter(x -> c.clusterArn().equals(x.clusterArn())
                && (x.serviceArn().equals(id) || x.serviceName().equals(id)))
            .findFirst().orElse(null);
        if (s == null) {
          failures.add(missing(id));
        } else {
          found.add(req.include().contains(ServiceField.TAGS) ? s : s.toBuilder().tags((List<Tag>) null).build());
        }
      }
      return DescribeServicesResponse.builder().services(found).failures(failures).build();
    });
    registry.on(ListTasksRequest.class, (ctx, req) -> {
      Cluster c = cluster(store, ctx, req.cluster());
      List<String> arns = list(store, ctx, "Tasks", Task.class).stream()
          .filter(t -> c.clusterArn().equals(t.clusterArn())).map(Task::taskArn).toList();
      Page<String> page = page(arns, "ecs:ListTasks:" + c.clusterArn(), req.nextToken(), req.maxResults(), 100);
      return ListTasksResponse.builder().taskArns(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeTasksRequest.class, (ctx, req) -> {
      Cluster c = cluster(store, ctx, req.cluster());
      atMost(req.tasks(), 100, "tasks");
      List<Task> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String id : req.tasks()) {
        Task t = list(store, ctx, "Tasks", Task.class).stream()
            .filter(x -> c.clusterArn().equals(x.clusterArn()) && (x.taskArn().equals(id) || x.taskArn().endsWith("/" + id)))
            .findFirst().orElse(null);
        if (t == null) {
          failures.add(missing(id));
        } else {
          found.add(req.include().contains(TaskField.TAGS) ? t : t.toBuilder().tags((List<Tag>) null).build());
        }
      }
      return DescribeTasksResponse.builder().tasks(found).failures(failures).build();
    });
    registry.on(DescribeCapacityProvidersRequest.class, (ctx, req) -> {
      List<CapacityProvider> all = list(store, ctx, "CapacityProviders", CapacityProvider.class);
      List<CapacityProvider> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      if (req.hasCapacityProviders() && !req.capacityProviders().isEmpty()) {
        atMost(req.capacityProviders(), 100, "capacityProviders");
        for (String id : req.capacityProviders()) {
          all.stream().filter(p -> p.name().equals(id) || p.capacityProviderArn().equals(id)).findFirst()
              .ifPresentOrElse(found::add, () -> failures.add(missing(id)));
        }
      } else {
        found.addAll(all);
      }
      Page<CapacityProvider> page = page(found, "ecs:DescribeCapacityProviders:" + ctx.caller().accountId() + ":"
          + ctx.region() + ":" + req.capacityProviders(), req.nextToken(), req.maxResults(), 10);
      List<CapacityProvider> out = page.items().stream().map(p -> req.include().contains(CapacityProviderField.TAGS)
          ? p : p.toBuilder().tags((List<Tag>) null).build()).toList();
      return DescribeCapacityProvidersResponse.builder().capacityProviders(out).failures(failures)
          .nextToken(page.nextToken()).build();
    });
    registry.on(ListTaskDefinitionsRequest.class, (ctx, req) -> {
      String status = req.statusAsString() == null ? "ACTIVE" : req.statusAsString();
      String prefix = req.familyPrefix() == null ? "" : req.familyPrefix();
      Comparator<TaskDefinition> order = Comparator.comparing(TaskDefinition::family)
          .thenComparing(TaskDefinition::revision);
      if (req.sort() == SortOrder.DESC) {
        order = order.reversed();
      }
      List<String> arns = list(store, ctx, "TaskDefinitions", TaskDefinition.class).stream()
          .filter(d -> d.family().startsWith(prefix) && status.equals(d.statusAsString())).sorted(order)
          .map(TaskDefinition::taskDefinitionArn).toList();
      Page<String> page = page(arns, "ecs:ListTaskDefinitions:" + ctx.caller().accountId() + ":" + ctx.region()
          + ":" + prefix + ":" + status + ":" + req.sort(), req.nextToken(), req.maxResults(), 100);
      return ListTaskDefinitionsResponse.builder().taskDefinitionArns(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeTaskDefinitionRequest.class, (ctx, req) -> {
      TaskDefinition d = taskDefinition(store, ctx, req.taskDefinition());
      DescribeTaskDefinitionResponse.Builder b = DescribeTaskDefinitionResponse.builder().taskDefinition(d);
      if (req.include().contains(TaskDefinitionField.TAGS)) {
        TagResourceRequest tags = store.findRegional(ctx, S, "TaskDefinitionTags", TagResourceRequest.class,
            DEFINITION_TAGS, d.taskDefinitionArn());
        b.tags(tags == null ? List.of() : tags.tags());
      }
      return b.build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      for (Tag t : req.tags()) {
        if (!TagRules.isUserKey(t.key())) {
          throw AwsError.of(400, "InvalidParameterException", "The tag key " + t.key() + " is not valid.");
        }
      }
      retag(store, ctx, req.resourceArn(), tags -> {
        Map<String, String> out = new LinkedHashMap<>(tags);
        req.tags().forEach(t -> out.put(t.key(), t.value()));
        return out;
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      retag(store, ctx, req.resourceArn(), tags -> {
        Map<String, String> out = new LinkedHashMap<>(tags);
        req.tagKeys().forEach(out::remove);
        return out;
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static <T extends SdkPojo> List<T> list(ResourceStore store, CallContext ctx, String collection, Class<T> type) {
    return store.regional(ctx, S, collection, type);
  }

  private static Cluster findCluster(ResourceStore store, CallContext ctx, String nameOrArn) {
    String name = nameOrArn == null ? "default" : nameOrArn;
    return list(store, ctx, "Clusters", Cluster.class).stream()
        .filter(c -> c.clusterName().equals(name) || c.clusterArn().equals(name)).findFirst().orElse(null);
  }

  private static Cluster cluster(ResourceStore store, CallContext ctx, String nameOrArn) {
    Cluster c = findCluster(store, ctx, nameOrArn);
    if (c == null) {
      throw AwsError.of(400, "ClusterNotFoundException", "Cluster not found.");
    }
    return c;
  }

  /** A task definition by family (its latest ACTIVE revision), family:revision or ARN. */
  private static TaskDefinition taskDefinition(ResourceStore store, CallContext ctx, String id) {
    if (id == null || id.isEmpty()) {
      throw AwsError.of(400, "ClientException", "Task definition is required.");
    }
    String short_ = id.startsWith("arn:") ? id.substring(id.lastIndexOf('/') + 1) : id;
    return list(store, ctx, "TaskDefinitions", TaskDefinition.class).stream()
        .filter(d -> d.taskDefinitionArn().equals(id) || short_.equals(d.family() + ":" + d.revision())
            || (short_.equals(d.family()) && "ACTIVE".equals(d.statusAsString())))
        .max(Comparator.comparing(TaskDefinition::revision))
        .orElseThrow(() -> AwsError.of(400, "ClientException", "Unable to describe task definition."));
  }

  /** The n-th part of an ARN's resource path after its type: container-instance/CLUSTER/ID -> CLUSTER for 0. */
  private static String pathPart(String arn, int n) {
    String[] parts = arn.substring(arn.indexOf('/') + 1).split("/");
    return parts.length > n ? parts[n] : null;
  }

  private static Failure missing(String arn) {
    return Failure.builder().arn(arn).reason("MISSING").build();
  }

  private static void atMost(List<String> items, int max, String name) {
    if (items.size() > max) {
      throw AwsError.of(400, "InvalidParameterException", name + " can have at most " + max + " items.");
    }
  }

  private static <T> Page<T> page(List<T> all, String listing, String token, Integer maxResults, int defaultSize) {
    try {
      return Page.of(all, listing, token, maxResults, defaultSize, 100);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidParameterException", e.getMessage());
    }
  }

  /** Replaces the tags of whatever ECS resource has this ARN. */
  private static void retag(ResourceStore store, CallContext ctx, String arn,
      UnaryOperator<Map<String, String>> change) {
    if (arn == null
        || !(retag(store, ctx, "Clusters", Cluster.class, CLUSTER, arn, Cluster::tags, (c, t) -> c.toBuilder().tags(t).build(), change)
        || retag(store, ctx, "ContainerInstances", ContainerInstance.class, INSTANCE, arn, ContainerInstance::tags,
            (c, t) -> c.toBuilder().tags(t).build(), change)
        || retag(store, ctx, "Services", Service.class, SERVICE, arn, Service::tags, (c, t) -> c.toBuilder().tags(t).build(), change)
        || retag(store, ctx, "Tasks", Task.class, TASK, arn, Task::tags, (c, t) -> c.toBuilder().tags(t).build(), change)
        || retag(store, ctx, "CapacityProviders", CapacityProvider.class, PROVIDER, arn, CapacityProvider::tags,
            (c, t) -> c.toBuilder().tags(t).build(), change)
        || retagDefinition(store, ctx, arn, change))) {
      throw AwsError.of(400, "ResourceNotFoundException", "The specified resource could not be found.");
    }
  }

  private static <T extends SdkPojo> boolean retag(ResourceStore store, CallContext ctx, String collection,
      Class<T> type, ItemKey<T> key, String arn, Function<T, List<Tag>> get, BiFunction<T, List<Tag>, T> set,
      UnaryOperator<Map<String, String>> change) {
    if (store.findRegional(ctx, S, collection, type, key, arn) == null) {
      return false;
    }
    store.updateRegional(ctx, S, collection, type, key, arn, item -> set.apply(item, changed(get.apply(item), change)));
    return true;
  }

  private static boolean retagDefinition(ResourceStore store, CallContext ctx, String arn,
      UnaryOperator<Map<String, String>> change) {
    if (store.findRegional(ctx, S, "TaskDefinitions", TaskDefinition.class, DEFINITION, arn) == null) {
      return false;
    }
    store.updateRegional(ctx, S, "TaskDefinitionTags", TagResourceRequest.class, DEFINITION_TAGS, arn,
        item -> TagResourceRequest.builder().resourceArn(arn)
            .tags(changed(item == null ? List.of() : item.tags(), change)).build());
    return true;
  }

  private static List<Tag> changed(List<Tag> tags, UnaryOperator<Map<String, String>> change) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    Map<String, String> out = change.apply(map);
    if (out.size() > MAX_TAGS) {
      throw AwsError.of(400, "InvalidParameterException", "A resource can have at most " + MAX_TAGS + " tags.");
    }
    return out.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }
}
