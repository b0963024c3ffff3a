package io.resoto.worker.awssim.resources.ec2net;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.resources.DemoSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;

/**
 * The filters, id lists and page sizes the EC2 networking listings serve, each through the real
 * client against the demo estate (account 111111111111, us-east-1).
 */
class Ec2NetworkFiltersTest {
  private static DemoSimulation demo;
  private static Ec2Client ec2;

  @BeforeAll
  static void start() {
    demo = new DemoSimulation();
    ec2 = demo.ec2();
  }

  @AfterAll
  static void stop() {
    ec2.close();
    demo.close();
  }

  private static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }

  /** One filtered listing and the ids it answers. */
  record Case(String name, Function<Ec2Client, List<String>> ids, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case vpcs(String name, List<String> expected, Filter... filters) {
    return new Case("vpcs " + name, c -> c.describeVpcs(r -> r.filters(filters)).vpcs().stream().map(Vpc::vpcId)
        .toList(), expected);
  }

  private static Case subnets(String name, List<String> expected, Filter... filters) {
    return new Case("subnets " + name, c -> c.describeSubnets(r -> r.filters(filters)).subnets().stream()
        .map(Subnet::subnetId).toList(), expected);
  }

  private static Case groups(String name, List<String> expected, Filter... filters) {
    return new Case("security groups " + name, c -> c.describeSecurityGroups(r -> r.filters(filters))
        .securityGroups().stream().map(SecurityGroup::groupId).toList(), expected);
  }

  private static Case gateways(String name, List<String> expected, Filter... filters) {
    return new Case("internet gateways " + name, c -> c.describeInternetGateways(r -> r.filters(filters))
        .internetGateways().stream().map(InternetGateway::internetGatewayId).toList(), expected);
  }

  private static Case nats(String name, List<String> expected, Filter... filters) {
    return new Case("nat gateways " + name, c -> c.describeNatGateways(r -> r.filter(filters)).natGateways()
        .stream().map(NatGateway::natGatewayId).toList(), expected);
  }

  private static Case routes(String name, List<String> expected, Filter... filters) {
    return new Case("route tables " + name, c -> c.describeRouteTables(r -> r.filters(filters)).routeTables()
        .stream().map(RouteTable::routeTableId).toList(), expected);
  }

  private static Case acls(String name, List<String> expected, Filter... filters) {
    return new Case("network acls " + name, c -> c.describeNetworkAcls(r -> r.filters(filters)).networkAcls()
        .stream().map(NetworkAcl::networkAclId).toList(), expected);
  }

  private static Case enis(String name, List<String> expected, Filter... filters) {
    return new Case("network interfaces " + name, c -> c.describeNetworkInterfaces(r -> r.filters(filters))
        .networkInterfaces().stream().map(NetworkInterface::networkInterfaceId).toList(), expected);
  }

  private static Case endpoints(String name, List<String> expected, Filter... filters) {
    return new Case("vpc endpoints " + name, c -> c.describeVpcEndpoints(r -> r.filters(filters)).vpcEndpoints()
        .stream().map(VpcEndpoint::vpcEndpointId).toList(), expected);
  }

  private static Case peerings(String name, List<String> expected, Filter... filters) {
    return new Case("peerings " + name, c -> c.describeVpcPeeringConnections(r -> r.filters(filters))
        .vpcPeeringConnections().stream().map(VpcPeeringConnection::vpcPeeringConnectionId).toList(), expected);
  }

  private static Case addresses(String name, List<String> expected, Filter... filters) {
    return new Case("addresses " + name, c -> c.describeAddresses(r -> r.filters(filters)).addresses().stream()
        .map(Address::allocationId).toList(), expected);
  }

  private static Case flowLogs(String name, List<String> expected, Filter... filters) {
    return new Case("flow logs " + name, c -> c.describeFlowLogs(r -> r.filter(filters)).flowLogs().stream()
        .map(FlowLog::flowLogId).toList(), expected);
  }

  private static final String VPC1 = "vpc-0a1b2c3d4e5f60001";
  private static final String VPC2 = "vpc-0a1b2c3d4e5f60002";
  private static final String SUBNET_A = "subnet-0a1b2c3d4e5f60101";
  private static final String SUBNET_B = "subnet-0a1b2c3d4e5f60102";
  private static final String SUBNET_SHARED = "subnet-0a1b2c3d4e5f60201";

  static Stream<Case> cases() {
    return Stream.of(
        vpcs("unfiltered", List.of(VPC1, VPC2)),
        vpcs("vpc-id", List.of(VPC2), filter("vpc-id", VPC2)),
        vpcs("state", List.of(VPC1, VPC2), filter("state", "available")),
        vpcs("state none", List.of(), filter("state", "pending")),
        vpcs("owner-id", List.of(VPC1, VPC2), filter("owner-id", "111111111111")),
        vpcs("cidr", List.of(VPC2), filter("cidr-block-association.cidr-block", "10.1.*")),
        vpcs("tag:Name", List.of(VPC1), filter("tag:Name", "prod")),
        vpcs("tag:Name wildcard", List.of(VPC1, VPC2), filter("tag:Name", "*")),
        vpcs("tag-key", List.of(VPC1, VPC2), filter("tag-key", "env")),
        vpcs("two filters are and", List.of(), filter("vpc-id", VPC1), filter("tag:env", "shared")),
        vpcs("two values are or", List.of(VPC1, VPC2), filter("tag:env", "shared", "production")),
        subnets("vpc-id", List.of(SUBNET_A, SUBNET_B), filter("vpc-id", VPC1)),
        subnets("subnet-id", List.of(SUBNET_SHARED), filter("subnet-id", SUBNET_SHARED)),
        subnets("availability-zone", List.of(SUBNET_A, SUBNET_SHARED), filter("availability-zone", "us-east-1a")),
        subnets("state", List.of(SUBNET_A, SUBNET_B, SUBNET_SHARED), filter("state", "available")),
        subnets("tag:tier ?", List.of(SUBNET_B), filter("tag:tier", "pr?vate")),
        groups("group-name", List.of("sg-0a1b2c3d4e5f60002"), filter("group-name", "default")),
        groups("group-id", List.of("sg-0a1b2c3d4e5f60001"), filter("group-id", "sg-0a1b2c3d4e5f60001")),
        groups("vpc-id", List.of("sg-0a1b2c3d4e5f60001"), filter("vpc-id", VPC1)),
        gateways("attachment.vpc-id", List.of("igw-0a1b2c3d4e5f60001"), filter("attachment.vpc-id", VPC1)),
        gateways("attachment.vpc-id other", List.of(), filter("attachment.vpc-id", VPC2)),
        gateways("internet-gateway-id", List.of("igw-0a1b2c3d4e5f60001"),
            filter("internet-gateway-id", "igw-0a1b2c3d4e5f60001")),
        nats("nat-gateway-id", List.of("nat-0a1b2c3d4e5f60001"), filter("nat-gateway-id", "nat-*")),
        nats("subnet-id", List.of(), filter("subnet-id", SUBNET_B)),
        nats("vpc-id and state", List.of("nat-0a1b2c3d4e5f60001"), filter("vpc-id", VPC1),
            filter("state", "available")),
        routes("association.subnet-id", List.of("rtb-0a1b2c3d4e5f60001"), filter("association.subnet-id", SUBNET_B)),
        routes("association.subnet-id other", List.of(), filter("association.subnet-id", SUBNET_SHARED)),
        routes("route-table-id and vpc-id", List.of("rtb-0a1b2c3d4e5f60001"),
            filter("route-table-id", "rtb-0a1b2c3d4e5f60001"), filter("vpc-id", VPC1)),
        acls("association.subnet-id", List.of("acl-0a1b2c3d4e5f60001"), filter("association.subnet-id", SUBNET_A)),
        acls("network-acl-id and vpc-id", List.of(), filter("network-acl-id", "acl-0a1b2c3d4e5f60001"),
            filter("vpc-id", VPC2)),
        enis("subnet-id", List.of("eni-0a1b2c3d4e5f60001", "eni-0a1b2c3d4e5f60002"), filter("subnet-id", SUBNET_A)),
        enis("group-id", List.of("eni-0a1b2c3d4e5f60001", "eni-0a1b2c3d4e5f60003"),
            filter("group-id", "sg-0a1b2c3d4e5f60001")),
        enis("attachment.instance-id", List.of("eni-0a1b2c3d4e5f60001"),
            filter("attachment.instance-id", "i-0a1b2c3d4e5f60001")),
        enis("network-interface-id and vpc-id", List.of("eni-0a1b2c3d4e5f60003"),
            filter("network-interface-id", "eni-0a1b2c3d4e5f60003"), filter("vpc-id", VPC1)),
        enis("tag:Name", List.of("eni-0a1b2c3d4e5f60002"), filter("tag:Name", "prod-nat-*")),
        endpoints("service-name", List.of("vpce-0a1b2c3d4e5f60002"), filter("service-name", "com.amazonaws.*.s3")),
        endpoints("vpc-endpoint-state and vpc-id", List.of("vpce-0a1b2c3d4e5f60001", "vpce-0a1b2c3d4e5f60002"),
            filter("vpc-endpoint-state", "available"), filter("vpc-id", VPC1)),
        endpoints("vpc-endpoint-id", List.of("vpce-0a1b2c3d4e5f60001"),
            filter("vpc-endpoint-id", "vpce-0a1b2c3d4e5f60001")),
        peerings("requester-vpc-info.vpc-id", List.of("pcx-0a1b2c3d4e5f60001"),
            filter("requester-vpc-info.vpc-id", VPC1)),
        peerings("accepter-vpc-info.vpc-id", List.of(), filter("accepter-vpc-info.vpc-id", VPC1)),
        peerings("vpc-peering-connection-id", List.of("pcx-0a1b2c3d4e5f60001"),
            filter("vpc-peering-connection-id", "pcx-0a1b2c3d4e5f60001")),
        addresses("public-ip", List.of("eipalloc-0a1b2c3d4e5f60002"), filter("public-ip", "203.0.113.20")),
        addresses("allocation-id", List.of("eipalloc-0a1b2c3d4e5f60001"),
            filter("allocation-id", "eipalloc-0a1b2c3d4e5f60001")),
        addresses("instance-id", List.of("eipalloc-0a1b2c3d4e5f60001"), filter("instance-id", "i-*")),
        addresses("network-interface-id", List.of("eipalloc-0a1b2c3d4e5f60002"),
            filter("network-interface-id", "eni-0a1b2c3d4e5f60002")),
        addresses("domain", List.of("eipalloc-0a1b2c3d4e5f60001", "eipalloc-0a1b2c3d4e5f60002"),
            filter("domain", "vpc")),
        flowLogs("resource-id", List.of("fl-0a1b2c3d4e5f60001"), filter("resource-id", VPC1)),
        flowLogs("log-destination-type", List.of(), filter("log-destination-type", "cloud-watch-logs")),
        flowLogs("flow-log-id", List.of("fl-0a1b2c3d4e5f60001"), filter("flow-log-id", "fl-0a1b2c3d4e5f60001")));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aFilterNarrowsItsListing(Case c) {
    assertThat(c.ids().apply(ec2)).containsExactlyElementsOf(c.expected());
  }

  /** Every listing refuses a filter it does not know, as EC2 does, instead of ignoring it. */
  @Test
  void anUnknownFilterIsInvalidParameterValue() {
    Filter colour = filter("colour", "blue");
    List<Consumer<Ec2Client>> calls = List.of(
        c -> c.describeVpcs(r -> r.filters(colour)), c -> c.describeSubnets(r -> r.filters(colour)),
        c -> c.describeSecurityGroups(r -> r.filters(colour)), c -> c.describeInternetGateways(r -> r.filters(colour)),
        c -> c.describeNatGateways(r -> r.filter(colour)), c -> c.describeRouteTables(r -> r.filters(colour)),
        c -> c.describeNetworkAcls(r -> r.filters(colour)), c -> c.describeNetworkInterfaces(r -> r.filters(colour)),
        c -> c.describeVpcEndpoints(r -> r.filters(colour)),
        c -> c.describeVpcPeeringConnections(r -> r.filters(colour)), c -> c.describeAddresses(r -> r.filters(colour)),
        c -> c.describeFlowLogs(r -> r.filter(colour)));
    for (Consumer<Ec2Client> call : calls) {
      var e = awsError(() -> call.accept(ec2), 400, "InvalidParameterValue");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The filter 'colour' is invalid");
    }
  }

  @Test
  void idListsSelectAndAnUnknownIdIsTheListingsNotFound() {
    assertThat(ec2.describeVpcs(r -> r.vpcIds(VPC2, VPC1)).vpcs()).extracting(Vpc::vpcId).containsExactly(VPC2, VPC1);
    assertThat(ec2.describeSecurityGroups(r -> r.groupNames("prod-web")).securityGroups())
        .extracting(SecurityGroup::groupId).containsExactly("sg-0a1b2c3d4e5f60001");
    assertThat(ec2.describeAddresses(r -> r.publicIps("203.0.113.10")).addresses()).extracting(Address::allocationId)
        .containsExactly("eipalloc-0a1b2c3d4e5f60001");
    awsError(() -> ec2.describeVpcs(r -> r.vpcIds(VPC1, "vpc-0fffffffffffffff0")), 400, "InvalidVpcID.NotFound");
    awsError(() -> ec2.describeSubnets(r -> r.subnetIds("subnet-0fffffffffffffff0")), 400,
        "InvalidSubnetID.NotFound");
    awsError(() -> ec2.describeSecurityGroups(r -> r.groupIds("sg-0fffffffffffffff0")), 400, "InvalidGroup.NotFound");
    awsError(() -> ec2.describeNatGateways(r -> r.natGatewayIds("nat-0fffffffffffffff0")), 400,
        "NatGatewayNotFound");
    awsError(() -> ec2.describeRouteTables(r -> r.routeTableIds("rtb-0fffffffffffffff0")), 400,
        "InvalidRouteTableID.NotFound");
    awsError(() -> ec2.describeAddresses(r -> r.publicIps("198.51.100.1")), 400, "InvalidAddress.NotFound");
    awsError(() -> ec2.describeAddresses(r -> r.allocationIds("eipalloc-0fffffffffffffff0")), 400,
        "InvalidAllocationID.NotFound");
    awsError(() -> ec2.describeFlowLogs(r -> r.flowLogIds("fl-0fffffffffffffff0")), 400,
        "InvalidFlowLogId.NotFound");
  }

  @Test
  void pagesFollowMaxResultsWithinTheOperationsBounds() {
    List<String> subnets = new ArrayList<>();
    ec2.describeSubnetsPaginator(r -> r.maxResults(5)).forEach(p -> p.subnets().forEach(s -> subnets.add(s.subnetId())));
    assertThat(subnets).containsExactly(SUBNET_A, SUBNET_B, SUBNET_SHARED);
    // VPC endpoints and flow logs take pages from 1; two endpoints come one per page
    var first = ec2.describeVpcEndpoints(r -> r.maxResults(1));
    assertThat(first.vpcEndpoints()).extracting(VpcEndpoint::vpcEndpointId).containsExactly("vpce-0a1b2c3d4e5f60001");
    var second = ec2.describeVpcEndpoints(r -> r.maxResults(1).nextToken(first.nextToken()));
    assertThat(second.vpcEndpoints()).extracting(VpcEndpoint::vpcEndpointId).containsExactly("vpce-0a1b2c3d4e5f60002");
    assertThat(second.nextToken()).isNull();
    // a token of one listing is not one of another
    awsError(() -> ec2.describeFlowLogs(r -> r.maxResults(1).nextToken(first.nextToken())), 400, "InvalidNextToken");

    awsError(() -> ec2.describeVpcs(r -> r.maxResults(4)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeVpcs(r -> r.maxResults(1001)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeRouteTables(r -> r.maxResults(101)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeNetworkAcls(r -> r.maxResults(101)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeVpcEndpoints(r -> r.maxResults(0)), 400, "InvalidParameterValue");
    assertThat(ec2.describeRouteTables(r -> r.maxResults(100)).routeTables()).hasSize(1);
  }
}
