package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.OBJECT;
import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/**
 * {@code aws_ec2_instance_type}: the instance types in use in a region, as the original makes
 * them: only types some instance runs on, described with DescribeInstanceTypes (filter
 * {@code instance-type}).
 *
 * <p>{@code ondemand_cost} (USD per hour, Linux, shared tenancy) differs in its source: the
 * original reads it from a price table bundled with it, which ages with every release; here it
 * comes live from the Price List API, as the original prices volume types
 * ({@link Ec2Prices#instanceType}: TERM_MATCH instanceType, location, operatingSystem Linux,
 * tenancy Shared, preInstalledSw NA, capacitystatus Used), one call per type in use and region,
 * shared by all accounts of the run. When pricing fails (e.g. access denied) the types are still
 * reported, without a price, and the failure is recorded. The original's extra fields from its
 * table (pretty_name, ecu, physical_processor, gpu_model) are not reported.
 */
public final class AwsEc2InstanceTypeKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_instance_type";

  /** DescribeInstanceTypes takes at most this many values in a filter. */
  private static final int FILTER_VALUES = 100;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("instance_type", KindModel.AWS_RESOURCE)
      .display("type", "compute")
      // a type lists the instances running on it; reserved instances hang under the type they reserve
      .successors(EdgeType.DEFAULT, AwsEc2InstanceKind.KIND, AwsEc2ReservedInstancesKind.KIND)
      .property("current_generation", "boolean", "Whether the instance type is current generation.")
      .property("free_tier_eligible", "boolean", "Whether the instance type is eligible for the free tier.")
      .property("supported_usage_classes", "string[]", "The usage classes the type supports (on-demand, spot, capacity-block).")
      .property("supported_root_device_types", "string[]", "The root device types the type supports (ebs, instance-store).")
      .property("supported_virtualization_types", "string[]", "The virtualization types the type supports (hvm, paravirtual).")
      .property("bare_metal", "boolean", "Whether this is a bare metal instance type.")
      .property("hypervisor", "string", "The hypervisor of the type (nitro or xen).")
      .property("instance_type_processor_info", OBJECT, "The processor: supported architectures, sustained clock speed in GHz, features.")
      .property("instance_type_vcpu_info", OBJECT, "The vCPUs: default vCPUs, cores and threads per core, valid core and thread counts.")
      .property("memory_info", OBJECT, "The memory: size in MiB.")
      .property("instance_storage_supported", "boolean", "Whether the type has instance storage.")
      .property("instance_storage_info", OBJECT, "The instance storage: total size in GB, disks, NVMe support, encryption support.")
      .property("ebs_info", OBJECT, "The EBS support: EBS optimisation, encryption, NVMe support, optimised bandwidth.")
      .property("network_info", OBJECT, "The networking: performance, interfaces, addresses per interface, IPv6, ENA, EFA support.")
      .property("gpu_info", OBJECT, "The GPUs of the type, if any: per GPU name, manufacturer, count and memory.")
      .property("placement_group_info", OBJECT, "The placement group strategies the type supports.")
      .property("hibernation_supported", "boolean", "Whether on-demand hibernation is supported.")
      .property("burstable_performance_supported", "boolean", "Whether the type is a burstable performance type.")
      .property("dedicated_hosts_supported", "boolean", "Whether Dedicated Hosts are supported for the type.")
      .property("auto_recovery_supported", "boolean", "Whether automatic recovery is supported.")
      .property("supported_boot_modes", "string[]", "The boot modes the type supports (legacy-bios, uefi).")
      .build();

  /** Declares the kind. */
  public AwsEc2InstanceTypeKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    // the types in use are what the instances of the region name
    List<Instance> instances = AwsEc2InstanceKind.list(ec2);
    Map<String, InstanceTypeInfo> types = describe(ec2, instances.stream().map(Instance::instanceTypeAsString).toList());
    Exception pricingFailure = null;
    for (InstanceTypeInfo type : types.values()) {
      Double price = null;
      if (pricingFailure == null) {
        try {
          price = Ec2Prices.instanceType(ctx, type.instanceTypeAsString());
        } catch (Exception failure) {
          // the first failure stops pricing in this region; it is recorded once the types are added
          pricingFailure = failure;
        }
      }
      Node node = ctx.add(node(ctx, type, price));
      for (Instance i : instances) {
        if (type.instanceTypeAsString().equals(i.instanceTypeAsString())) {
          ctx.edge(node, AwsEc2InstanceKind.KIND, i.instanceId(), EdgeType.DEFAULT);
        }
      }
    }
    if (pricingFailure != null) {
      throw pricingFailure;
    }
  }

  /** The descriptions of the given types (duplicates and nulls ignored), by type name; none asked, no call. */
  static Map<String, InstanceTypeInfo> describe(Ec2Client ec2, Collection<String> typeNames) {
    List<String> wanted = new ArrayList<>(new LinkedHashSet<>(typeNames.stream().filter(Objects::nonNull).toList()));
    Map<String, InstanceTypeInfo> out = new LinkedHashMap<>();
    for (int from = 0; from < wanted.size(); from += FILTER_VALUES) {
      List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + FILTER_VALUES));
      ec2.describeInstanceTypesPaginator(b -> b.maxResults(100)
              .filters(Filter.builder().name("instance-type").values(chunk).build()))
          .instanceTypes().forEach(t -> out.put(t.instanceTypeAsString(), t));
    }
    return out;
  }

  /**
   * Maps an instance type; cores are the default vCPUs and memory is in GiB, as the original
   * reports them; the price when known.
   */
  static Node node(KindContext ctx, InstanceTypeInfo t, Double ondemandCost) {
    String name = t.instanceTypeAsString();
    Node.Builder b = ctx.node(KIND, name)
        .name(name)
        .categories("compute")
        .property("instance_type", name)
        .property("instance_cores", t.vCpuInfo() == null || t.vCpuInfo().defaultVCpus() == null
            ? null : t.vCpuInfo().defaultVCpus().doubleValue())
        .property("instance_memory", t.memoryInfo() == null || t.memoryInfo().sizeInMiB() == null
            ? null : t.memoryInfo().sizeInMiB() / 1024.0)
        .property("ondemand_cost", ondemandCost)
        .property("current_generation", t.currentGeneration())
        .property("free_tier_eligible", t.freeTierEligible())
        .property("supported_usage_classes", Ec2ComputeValues.orNull(t.supportedUsageClassesAsStrings()))
        .property("supported_root_device_types", Ec2ComputeValues.orNull(t.supportedRootDeviceTypesAsStrings()))
        .property("supported_virtualization_types",
            Ec2ComputeValues.orNull(t.supportedVirtualizationTypesAsStrings()))
        .property("bare_metal", t.bareMetal())
        .property("hypervisor", t.hypervisorAsString())
        .property("instance_type_processor_info", plain(t.processorInfo()))
        .property("instance_type_vcpu_info", plain(t.vCpuInfo()))
        .property("memory_info", plain(t.memoryInfo()))
        .property("instance_storage_supported", t.instanceStorageSupported())
        .property("instance_storage_info", plain(t.instanceStorageInfo()))
        .property("ebs_info", plain(t.ebsInfo()))
        .property("network_info", plain(t.networkInfo()))
        .property("gpu_info", plain(t.gpuInfo()))
        .property("placement_group_info", plain(t.placementGroupInfo()))
        .property("hibernation_supported", t.hibernationSupported())
        .property("burstable_performance_supported", t.burstablePerformanceSupported())
        .property("dedicated_hosts_supported", t.dedicatedHostsSupported())
        .property("auto_recovery_supported", t.autoRecoverySupported())
        .property("supported_boot_modes", Ec2ComputeValues.orNull(t.supportedBootModesAsStrings()));
    // the original's template: arn:{partition}:ec2:{region}:{account}:instance/{id} (sic)
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "instance", name)).build();
  }
}
