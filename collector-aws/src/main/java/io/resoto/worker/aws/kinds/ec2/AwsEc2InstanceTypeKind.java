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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GpuInfo;
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
 * reported, without a price, and the failure is recorded.
 *
 * <p>The original enriches four more fields from the same bundled table; here each comes from data
 * already at hand, with no extra call:
 * <ul>
 *   <li>{@code ecu} and {@code physical_processor}: the {@code ecu} and {@code physicalProcessor}
 *       attributes of the very price list product that gives {@code ondemand_cost}. The ECU is a
 *       number, as in the original's table; the price list writes {@code Variable} for burstable
 *       types and {@code NA} for types rated in vCPUs only, which have no number and so are null.
 *       Both are null when the type is not priced.</li>
 *   <li>{@code gpu_model}: from DescribeInstanceTypes' GpuInfo, manufacturer and name
 *       ({@code NVIDIA T4}); distinct models joined by a comma; null for a type without GPUs.</li>
 *   <li>{@code pretty_name}: derived from the type name alone ({@link #prettyName}), in the
 *       spelling of the original's table: the family in upper case, then the size in words
 *       ({@code m5.large} is {@code M5 Large}, {@code c5.4xlarge} {@code C5 Quadruple Extra Large},
 *       {@code m5.12xlarge} {@code M5 12xlarge}).</li>
 * </ul>
 */
public final class AwsEc2InstanceTypeKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_instance_type";

  /** DescribeInstanceTypes takes at most this many values in a filter. */
  private static final int FILTER_VALUES = 100;

  /** The sizes with a name of their own in words; any other {@code <N>xlarge} stays as written. */
  private static final Map<String, String> SIZE_WORDS = Map.of(
      "nano", "Nano", "micro", "Micro", "small", "Small", "medium", "Medium", "large", "Large",
      "xlarge", "Extra Large", "2xlarge", "Double Extra Large", "4xlarge", "Quadruple Extra Large",
      "8xlarge", "Eight Extra Large", "metal", "Metal");

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
      .property("pretty_name", "string",
          "A readable name derived from the type name: family in upper case, size in words (e.g. M5 Large).")
      .property("ecu", "double",
          "EC2 Compute Units of the type, from the price list; null for burstable types and types rated in vCPUs only.")
      .property("physical_processor", "string",
          "The physical processor of the type as the price list names it (e.g. Intel Xeon Platinum 8175).")
      .property("gpu_model", "string",
          "The GPU model of the type: manufacturer and name (e.g. NVIDIA T4); null for types without GPUs.")
      .build();

  /** Declares the kind. */
  public AwsEc2InstanceTypeKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeInstanceTypes", "ec2:DescribeInstances", "pricing:GetProducts");
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    // the types in use are what the instances of the region name
    List<Instance> instances = AwsEc2InstanceKind.list(ec2);
    Map<String, InstanceTypeInfo> types = describe(ec2, instances.stream().map(Instance::instanceTypeAsString).toList());
    Exception pricingFailure = null;
    for (InstanceTypeInfo type : types.values()) {
      Ec2Prices.InstanceTypeOffer offer = Ec2Prices.InstanceTypeOffer.NONE;
      if (pricingFailure == null) {
        try {
          offer = Ec2Prices.instanceType(ctx, type.instanceTypeAsString());
        } catch (Exception failure) {
          // the first failure stops pricing in this region; it is recorded once the types are added
          pricingFailure = failure;
        }
      }
      Node node = ctx.add(node(ctx, type, offer));
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
   * reports them; the price list's price, ECU and processor when known.
   */
  static Node node(KindContext ctx, InstanceTypeInfo t, Ec2Prices.InstanceTypeOffer offer) {
    String name = t.instanceTypeAsString();
    Node.Builder b = ctx.node(KIND, name)
        .name(name)
        .categories("compute")
        .property("instance_type", name)
        .property("instance_cores", t.vCpuInfo() == null || t.vCpuInfo().defaultVCpus() == null
            ? null : t.vCpuInfo().defaultVCpus().doubleValue())
        .property("instance_memory", t.memoryInfo() == null || t.memoryInfo().sizeInMiB() == null
            ? null : t.memoryInfo().sizeInMiB() / 1024.0)
        .property("ondemand_cost", offer.ondemandCost())
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
        .property("supported_boot_modes", Ec2ComputeValues.orNull(t.supportedBootModesAsStrings()))
        .property("pretty_name", prettyName(name))
        .property("ecu", offer.ecu())
        .property("physical_processor", offer.physicalProcessor())
        .property("gpu_model", gpuModel(t.gpuInfo()));
    // the original's template: arn:{partition}:ec2:{region}:{account}:instance/{id} (sic)
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "instance", name)).build();
  }

  /**
   * The readable name of an instance type, derived from its name: the family in upper case and
   * the size in words ({@code t3.micro} is {@code T3 Micro}, {@code c5.xlarge} {@code C5 Extra
   * Large}, {@code m5.2xlarge} {@code M5 Double Extra Large}, {@code m5.8xlarge} {@code M5 Eight
   * Extra Large}, {@code m5.metal} {@code M5 Metal}); a size without words of its own, such as
   * {@code 12xlarge} or {@code metal-24xl}, stays as written. Null for a name that is not
   * {@code family.size}.
   */
  static String prettyName(String type) {
    int dot = type == null ? -1 : type.indexOf('.');
    if (dot <= 0 || dot == type.length() - 1) {
      return null;
    }
    String size = type.substring(dot + 1);
    return type.substring(0, dot).toUpperCase(Locale.ROOT) + " " + SIZE_WORDS.getOrDefault(size, size);
  }

  /** "Manufacturer Name" of each distinct GPU model of the type, comma-joined; null without GPUs. */
  static String gpuModel(GpuInfo gpuInfo) {
    if (gpuInfo == null || !gpuInfo.hasGpus()) {
      return null;
    }
    String models = gpuInfo.gpus().stream()
        .map(g -> Stream.of(g.manufacturer(), g.name()).filter(p -> p != null && !p.isBlank())
            .collect(Collectors.joining(" ")))
        .filter(m -> !m.isEmpty()).distinct().collect(Collectors.joining(", "));
    return models.isEmpty() ? null : models;
  }
}
