package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.OBJECTS;
import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ProductCode;

/** {@code aws_ec2_image}: the AMIs the account owns (DescribeImages with Owners=self). */
public final class AwsEc2ImageKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_image";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("resource", KindModel.AWS_RESOURCE)
      .display("image", "compute")
      // instances are launched from an image; an image is made of snapshots
      .successors(EdgeType.DEFAULT, AwsEc2InstanceKind.KIND, AwsEc2SnapshotKind.KIND)
      .property("architecture", "string", "The architecture of the image (i386, x86_64, arm64, ...).")
      .property("image_location", "string", "The location of the AMI (owner/name or the manifest location).")
      .property("image_type", "string", "The type of image: machine, kernel or ramdisk.")
      .property("public", "boolean", "Whether the image has public launch permissions.")
      .property("kernel_id", "string", "The kernel associated with the image, if any.")
      .property("owner_id", "string", "The id of the account that owns the image.")
      .property("platform", "string", "windows for Windows AMIs, empty otherwise.")
      .property("platform_details", "string", "The platform details (operating system and licensing) of the image.")
      .property("usage_operation", "string", "The billing usage operation of instances launched from the image.")
      .property("product_codes", "string[]", "The product code ids of the image.")
      .property("ramdisk_id", "string", "The RAM disk associated with the image, if any.")
      .property("image_state", "string", "The state of the image: available, pending, failed, deregistered, ...")
      .property("block_device_mappings", OBJECTS, "The block devices of the image: device names and EBS snapshots.")
      .property("description", "string", "The description of the AMI.")
      .property("ena_support", "boolean", "Whether enhanced networking with ENA is enabled.")
      .property("hypervisor", "string", "The hypervisor type of the image (ovm or xen).")
      .property("image_owner_alias", "string", "The owner alias (amazon, aws-marketplace) or the account alias.")
      .property("root_device_name", "string", "The device name of the root device volume.")
      .property("root_device_type", "string", "The root device type: ebs or instance-store.")
      .property("sriov_net_support", "string", "Whether enhanced networking with the Intel 82599 VF interface is enabled.")
      .property("virtualization_type", "string", "The virtualization type: hvm or paravirtual.")
      .property("boot_mode", "string", "The boot mode of the image (legacy-bios, uefi, uefi-preferred).")
      .property("tpm_support", "string", "The NitroTPM version the image supports, if enabled.")
      .property("deprecation_time", "datetime", "When the image is deprecated.")
      .property("imds_support", "string", "v2.0 when instances launched from the image require IMDSv2.")
      .property("source_instance_id", "string", "The instance the image was created from, if any.")
      .property("deregistration_protection", "string", "Whether deregistration protection is enabled, and until when.")
      .property("last_launched_time", "datetime", "The last time an instance was launched from the image.")
      .build();

  /** Declares the kind. */
  public AwsEc2ImageKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeImages");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (Image image : ec2.describeImagesPaginator(b -> b.owners("self").maxResults(1000)).images()) {
      Node node = ctx.add(node(ctx, image));
      for (BlockDeviceMapping m : image.blockDeviceMappings()) {
        if (m.ebs() != null) {
          ctx.edge(node, AwsEc2SnapshotKind.KIND, m.ebs().snapshotId(), EdgeType.DEFAULT);
        }
      }
    }
  }

  /** Maps an image: name = Name (the AMI's own name), ctime = CreationDate (an ISO string in the API). */
  static Node node(KindContext ctx, Image i) {
    Node.Builder b = ctx.node(KIND, i.imageId())
        .name(i.name())
        .tags(Ec2ComputeValues.tags(i.tags()))
        .ctime(time(i.creationDate()))
        .categories("compute")
        .property("architecture", i.architectureAsString())
        .property("image_location", i.imageLocation())
        .property("image_type", i.imageTypeAsString())
        .property("public", i.publicLaunchPermissions())
        .property("kernel_id", i.kernelId())
        .property("owner_id", i.ownerId())
        .property("platform", i.platformAsString())
        .property("platform_details", i.platformDetails())
        .property("usage_operation", i.usageOperation())
        .property("product_codes", Ec2ComputeValues.orNull(i.productCodes().stream().map(ProductCode::productCodeId).toList()))
        .property("ramdisk_id", i.ramdiskId())
        .property("image_state", i.stateAsString())
        .property("block_device_mappings", plain(i.blockDeviceMappings()))
        .property("description", i.description())
        .property("ena_support", i.enaSupport())
        .property("hypervisor", i.hypervisorAsString())
        .property("image_owner_alias", i.imageOwnerAlias())
        .property("root_device_name", i.rootDeviceName())
        .property("root_device_type", i.rootDeviceTypeAsString())
        .property("sriov_net_support", i.sriovNetSupport())
        .property("virtualization_type", i.virtualizationTypeAsString())
        .property("boot_mode", i.bootModeAsString())
        .property("tpm_support", i.tpmSupportAsString())
        .property("deprecation_time", time(i.deprecationTime()))
        .property("imds_support", i.imdsSupportAsString())
        .property("source_instance_id", i.sourceInstanceId())
        .property("deregistration_protection", i.deregistrationProtection())
        .property("last_launched_time", time(i.lastLaunchedTime()));
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "image", i.imageId())).build();
  }

  /** EC2 gives image times as ISO-8601 strings; one that does not parse is left out. */
  static Instant time(String iso) {
    if (iso == null || iso.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
