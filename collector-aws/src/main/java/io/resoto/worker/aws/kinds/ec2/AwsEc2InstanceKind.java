package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.OBJECT;
import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.OBJECTS;
import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.metrics.MetricQuery;
import io.resoto.worker.aws.metrics.MetricWindow;
import io.resoto.worker.aws.metrics.Usage;
import io.resoto.worker.aws.metrics.UsageMetrics;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LicenseConfiguration;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * {@code aws_ec2_instance}: EC2 instances (DescribeInstances, every reservation's instances), with
 * their user data (DescribeInstanceAttribute userData, one call per instance) and cores and memory
 * from the instance types in use (one DescribeInstanceTypes per region).
 *
 * <p>Usage of running instances, as the original asks CloudWatch (AWS/EC2, by InstanceId):
 * {@code cpu_utilization_percent} (Minimum, Average, Maximum over the window);
 * {@code network_in_bytes} / {@code network_out_bytes} in Mbit/s and {@code network_in_count} /
 * {@code network_out_count} in packets/s (NetworkIn/Out and NetworkPacketsIn/Out: the original
 * files packets under the network metric names with the count unit); {@code disk_read_iops} /
 * {@code disk_write_iops} (DiskRead/WriteOps) and {@code disk_read_bytes} /
 * {@code disk_write_bytes} in MB/s (DiskRead/WriteBytes). The rates are min, avg and max of the
 * window's 5-minute sums.
 */
public final class AwsEc2InstanceKind extends DeclaredKind implements UsageMetrics {

  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  /** The kind name. */
  public static final String KIND = "aws_ec2_instance";

  /** The tag EC2 puts on instances launched from a launch template. */
  static final String LAUNCH_TEMPLATE_TAG = "aws:ec2launchtemplate:id";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("instance", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_cloudformation_stack")
      .display("instance", "compute")
      // an instance needs its key pair and its attached volumes (the original's edges)
      .successors(EdgeType.DEFAULT, AwsEc2KeypairKind.KIND, AwsEc2VolumeKind.KIND)
      .property("instance_ami_launch_index", "int64", "The AMI launch index, which identifies the instance within its launch group.")
      .property("instance_image_id", "string", "The ID of the AMI used to launch the instance.")
      .property("instance_kernel_id", "string", "The kernel associated with this instance, if applicable.")
      .property("instance_key_name", "string", "The name of the key pair the instance was launched with.")
      .property("instance_launch_time", "datetime", "The time the instance was launched.")
      .property("instance_monitoring", "string", "Whether detailed monitoring is enabled (disabled, disabling, enabled, pending).")
      .property("instance_placement", OBJECT, "The placement: availability zone, affinity, placement group, partition, host, tenancy, spread domain and host resource group.")
      .property("instance_platform", "string", "The platform: windows for Windows instances, empty otherwise.")
      .property("instance_private_dns_name", "string", "The private DNS hostname of the instance.")
      .property("instance_private_ip_address", "string", "The private IPv4 address of the instance.")
      .property("instance_product_codes", OBJECTS, "The product codes attached to the instance (id and type).")
      .property("instance_public_dns_name", "string", "The public DNS name of the instance, if it has one.")
      .property("instance_public_ip_address", "string", "The public IPv4 address of the instance, if it has one.")
      .property("instance_ramdisk_id", "string", "The RAM disk associated with this instance, if applicable.")
      .property("instance_state", OBJECT, "The current state of the instance: its code and name.")
      .property("instance_state_transition_reason", "string", "The reason for the most recent state transition.")
      .property("instance_subnet_id", "string", "The ID of the subnet the instance runs in.")
      .property("instance_architecture", "string", "The architecture of the image (e.g. x86_64, arm64).")
      .property("instance_block_device_mappings", OBJECTS, "The block devices: device name and EBS volume (attach time, delete on termination, status, volume id).")
      .property("instance_client_token", "string", "The idempotency token supplied when the instance was launched.")
      .property("instance_ebs_optimized", "boolean", "Whether the instance is optimised for EBS I/O.")
      .property("instance_ena_support", "boolean", "Whether enhanced networking with ENA is enabled.")
      .property("instance_hypervisor", "string", "The hypervisor type of the instance (ovm or xen; xen also means Nitro).")
      .property("instance_iam_instance_profile", OBJECT, "The IAM instance profile associated with the instance: its ARN and id.")
      .property("instance_lifecycle", "string", "Whether this is a spot or scheduled instance; empty for on-demand.")
      .property("instance_elastic_gpu_associations", OBJECTS, "The Elastic GPUs associated with the instance.")
      .property("instance_elastic_inference_accelerator_associations", OBJECTS, "The elastic inference accelerators associated with the instance.")
      .property("instance_network_interfaces", OBJECTS, "The network interfaces of the instance, with addresses, attachment and security groups.")
      .property("instance_outpost_arn", "string", "The ARN of the Outpost the instance runs on, if any.")
      .property("instance_root_device_name", "string", "The device name of the root device volume (e.g. /dev/sda1).")
      .property("instance_root_device_type", "string", "The root device type of the AMI: ebs or instance-store.")
      .property("instance_security_groups", OBJECTS, "The security groups of the instance: name and id.")
      .property("instance_source_dest_check", "boolean", "Whether source/destination checking is enabled.")
      .property("instance_spot_instance_request_id", "string", "The ID of the spot instance request, for spot instances.")
      .property("instance_sriov_net_support", "string", "Whether enhanced networking with the Intel 82599 VF interface is enabled.")
      .property("instance_state_reason", OBJECT, "The reason for the most recent state transition: code and message.")
      .property("instance_virtualization_type", "string", "The virtualization type: hvm or paravirtual.")
      .property("instance_cpu_options", OBJECT, "The CPU options: core count and threads per core.")
      .property("instance_capacity_reservation_id", "string", "The ID of the capacity reservation the instance runs in, if any.")
      .property("instance_capacity_reservation_specification", OBJECT, "The capacity reservation targeting: preference and target.")
      .property("instance_hibernation_options", "boolean", "Whether the instance is enabled for hibernation.")
      .property("instance_licenses", "string[]", "The ARNs of the license configurations of the instance.")
      .property("instance_metadata_options", OBJECT, "The instance metadata service options: state, IMDSv2 tokens, hop limit, endpoint, IPv6, tags.")
      .property("instance_enclave_options", "boolean", "Whether the instance is enabled for Nitro Enclaves.")
      .property("instance_boot_mode", "string", "The boot mode the AMI was set to (legacy-bios, uefi, uefi-preferred).")
      .property("instance_platform_details", "string", "The platform details (operating system and licensing) of the instance.")
      .property("instance_usage_operation", "string", "The billing usage operation of the instance.")
      .property("instance_usage_operation_update_time", "datetime", "The time the usage operation was last updated.")
      .property("instance_private_dns_name_options", OBJECT, "The options for the private hostname: hostname type and DNS A/AAAA records.")
      .property("instance_ipv6_address", "string", "The IPv6 address assigned to the instance.")
      .property("instance_tpm_support", "string", "The NitroTPM version the instance supports, if enabled.")
      .property("instance_maintenance_options", "string", "The automatic recovery behaviour of the instance (default or disabled).")
      .property("instance_user_data", "string", "The user data of the instance, base64-decoded; left out when it is not text.")
      .build();

  /** Declares the kind. */
  public AwsEc2InstanceKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of(
        "cloudwatch:GetMetricData",
        "ec2:DescribeInstanceAttribute",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeInstances");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    List<Instance> instances = list(ec2);
    Map<String, InstanceTypeInfo> types = AwsEc2InstanceTypeKind.describe(ec2,
        instances.stream().map(Instance::instanceTypeAsString).toList());
    for (Instance instance : instances) {
      // user data is one call per instance: fanned out, the node is added when it is known
      ctx.submit(() -> {
        Node node = ctx.add(node(ctx, instance, types.get(instance.instanceTypeAsString()),
            userData(ec2, instance.instanceId())));
        edges(ctx, node, instance);
      });
    }
  }

  /** Every instance of every reservation, read with the paginator in the largest pages the API allows. */
  static List<Instance> list(Ec2Client ec2) {
    return ec2.describeInstancesPaginator(b -> b.maxResults(1000)).reservations().stream()
        .map(Reservation::instances).flatMap(List::stream).toList();
  }

  /** The base64-decoded user data, null when there is none or it is not UTF-8 text (as the original ignores it). */
  static String userData(Ec2Client ec2, String instanceId) {
    var attribute = ec2.describeInstanceAttribute(b -> b.instanceId(instanceId).attribute("userData")).userData();
    if (attribute == null || attribute.value() == null || attribute.value().isEmpty()) {
      return null;
    }
    try {
      byte[] raw = Base64.getDecoder().decode(attribute.value());
      var decoder = StandardCharsets.UTF_8.newDecoder();
      return decoder.decode(java.nio.ByteBuffer.wrap(raw)).toString();
    } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  @Override
  public List<MetricQuery> metricQueries(Node node, MetricWindow window) {
    if (!"running".equals(node.properties().get("instance_status"))) {
      return List.of();
    }
    String id = node.resourceId();
    List<MetricQuery> queries = new ArrayList<>();
    for (String stat : List.of("Minimum", "Average", "Maximum")) {
      queries.add(ec2(id, "CPUUtilization", window.usage(), stat, "Percent")
          .usage(Usage.latest("cpu_utilization", Usage.PERCENT)));
    }
    for (String dir : List.of("In", "Out")) {
      String metric = "network_" + dir.toLowerCase(Locale.ROOT);
      queries.add(ec2(id, "Network" + dir, FIVE_MINUTES, "Sum", "Bytes")
          .usage(Usage.series(metric, Usage.BYTES, Usage.bytesToMegabitsPerSecond(FIVE_MINUTES))));
      queries.add(ec2(id, "NetworkPackets" + dir, FIVE_MINUTES, "Sum", "Count")
          .usage(Usage.series(metric, Usage.COUNT, Usage.perSecond(FIVE_MINUTES))));
    }
    for (String op : List.of("Read", "Write")) {
      String metric = "disk_" + op.toLowerCase(Locale.ROOT);
      queries.add(ec2(id, "Disk" + op + "Ops", FIVE_MINUTES, "Sum", "Count")
          .usage(Usage.series(metric, Usage.IOPS, Usage.perSecond(FIVE_MINUTES))));
      queries.add(ec2(id, "Disk" + op + "Bytes", FIVE_MINUTES, "Sum", "Bytes")
          .usage(Usage.series(metric, Usage.BYTES, Usage.bytesToMegabytesPerSecond(FIVE_MINUTES))));
    }
    return queries;
  }

  private static MetricQuery ec2(String instanceId, String metric, Duration period, String stat, String unit) {
    return MetricQuery.of("AWS/EC2", metric, "InstanceId", instanceId, period, stat, unit);
  }

  /** The normalised status of an EC2 state name, as the original maps it. */
  static String status(String state) {
    if (state == null) {
      return "unknown";
    }
    return switch (state) {
      case "pending" -> "busy";
      case "running" -> "running";
      case "shutting-down", "stopping", "stopped" -> "stopped";
      case "terminated" -> "terminated";
      default -> "unknown";
    };
  }

  /** Maps an instance; {@code type} (may be null) gives cores and memory, as the original's connect phase does. */
  static Node node(KindContext ctx, Instance i, InstanceTypeInfo type, String userData) {
    Double cores = i.cpuOptions() != null && i.cpuOptions().coreCount() != null
        ? i.cpuOptions().coreCount().doubleValue() : null;
    Double memory = null;
    if (type != null) {
      if (type.vCpuInfo() != null && type.vCpuInfo().defaultVCpus() != null) {
        cores = type.vCpuInfo().defaultVCpus().doubleValue();
      }
      if (type.memoryInfo() != null && type.memoryInfo().sizeInMiB() != null) {
        memory = type.memoryInfo().sizeInMiB() / 1024.0;
      }
    }
    Node.Builder b = ctx.node(KIND, i.instanceId())
        .name(Ec2ComputeValues.tag(i.tags(), "Name"))
        .tags(Ec2ComputeValues.tags(i.tags()))
        .ctime(i.launchTime())
        .categories("compute")
        .property("instance_type", i.instanceTypeAsString())
        .property("instance_status", status(i.state() == null ? null : i.state().nameAsString()))
        .property("instance_cores", cores)
        .property("instance_memory", memory)
        .property("instance_ami_launch_index", i.amiLaunchIndex() == null ? null : i.amiLaunchIndex().longValue())
        .property("instance_image_id", i.imageId())
        .property("instance_kernel_id", i.kernelId())
        .property("instance_key_name", i.keyName())
        .property("instance_launch_time", i.launchTime())
        .property("instance_monitoring", i.monitoring() == null ? null : i.monitoring().stateAsString())
        .property("instance_placement", plain(i.placement()))
        .property("instance_platform", i.platformAsString())
        .property("instance_private_dns_name", i.privateDnsName())
        .property("instance_private_ip_address", i.privateIpAddress())
        .property("instance_product_codes", plain(i.productCodes()))
        .property("instance_public_dns_name", i.publicDnsName())
        .property("instance_public_ip_address", i.publicIpAddress())
        .property("instance_ramdisk_id", i.ramdiskId())
        .property("instance_state", plain(i.state()))
        .property("instance_state_transition_reason", i.stateTransitionReason())
        .property("instance_subnet_id", i.subnetId())
        .property("instance_architecture", i.architectureAsString())
        .property("instance_block_device_mappings", plain(i.blockDeviceMappings()))
        .property("instance_client_token", i.clientToken())
        .property("instance_ebs_optimized", i.ebsOptimized())
        .property("instance_ena_support", i.enaSupport())
        .property("instance_hypervisor", i.hypervisorAsString())
        .property("instance_iam_instance_profile", plain(i.iamInstanceProfile()))
        .property("instance_lifecycle", i.instanceLifecycleAsString())
        .property("instance_elastic_gpu_associations", plain(i.elasticGpuAssociations()))
        .property("instance_elastic_inference_accelerator_associations",
            plain(i.elasticInferenceAcceleratorAssociations()))
        .property("instance_network_interfaces", plain(i.networkInterfaces()))
        .property("instance_outpost_arn", i.outpostArn())
        .property("instance_root_device_name", i.rootDeviceName())
        .property("instance_root_device_type", i.rootDeviceTypeAsString())
        .property("instance_security_groups", plain(i.securityGroups()))
        .property("instance_source_dest_check", i.sourceDestCheck())
        .property("instance_spot_instance_request_id", i.spotInstanceRequestId())
        .property("instance_sriov_net_support", i.sriovNetSupport())
        .property("instance_state_reason", plain(i.stateReason()))
        .property("instance_virtualization_type", i.virtualizationTypeAsString())
        .property("instance_cpu_options", plain(i.cpuOptions()))
        .property("instance_capacity_reservation_id", i.capacityReservationId())
        .property("instance_capacity_reservation_specification", plain(i.capacityReservationSpecification()))
        .property("instance_hibernation_options",
            i.hibernationOptions() == null ? null : i.hibernationOptions().configured())
        .property("instance_licenses", Ec2ComputeValues.orNull(
            i.licenses().stream().map(LicenseConfiguration::licenseConfigurationArn).toList()))
        .property("instance_metadata_options", plain(i.metadataOptions()))
        .property("instance_enclave_options", i.enclaveOptions() == null ? null : i.enclaveOptions().enabled())
        .property("instance_boot_mode", i.bootModeAsString())
        .property("instance_platform_details", i.platformDetails())
        .property("instance_usage_operation", i.usageOperation())
        .property("instance_usage_operation_update_time", i.usageOperationUpdateTime())
        .property("instance_private_dns_name_options", plain(i.privateDnsNameOptions()))
        .property("instance_ipv6_address", i.ipv6Address())
        .property("instance_tpm_support", i.tpmSupport())
        .property("instance_maintenance_options",
            i.maintenanceOptions() == null ? null : i.maintenanceOptions().autoRecoveryAsString())
        .property("instance_user_data", userData);
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "instance", i.instanceId())).build();
  }

  /**
   * The original's edges of an instance, by the other end's resource id: its volumes; the VPC,
   * subnet, image, launch template and instance profile it came from. Key pairs and instance types
   * link themselves (an instance names its key pair only by name).
   */
  static void edges(KindContext ctx, Node node, Instance i) {
    for (InstanceBlockDeviceMapping m : i.blockDeviceMappings()) {
      if (m.ebs() != null) {
        ctx.edge(node, AwsEc2VolumeKind.KIND, m.ebs().volumeId(), EdgeType.DEFAULT);
      }
    }
    ctx.edgeFrom(Ec2ComputeValues.VPC, i.vpcId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom(Ec2ComputeValues.VPC, i.vpcId(), node, EdgeType.DELETE);
    ctx.edgeFrom(Ec2ComputeValues.SUBNET, i.subnetId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom(Ec2ComputeValues.SUBNET, i.subnetId(), node, EdgeType.DELETE);
    ctx.edgeFrom(AwsEc2ImageKind.KIND, i.imageId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom(AwsEc2LaunchTemplateKind.KIND, Ec2ComputeValues.tag(i.tags(), LAUNCH_TEMPLATE_TAG), node,
        EdgeType.DEFAULT);
    if (i.iamInstanceProfile() != null) {
      ctx.edgeFrom(Ec2ComputeValues.IAM_INSTANCE_PROFILE, i.iamInstanceProfile().id(), node, EdgeType.DEFAULT);
    }
  }
}
