package io.resoto.worker.awssim.resources.ec2net;

import io.resoto.worker.awssim.Ec2FilterValue;
import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcPeeringConnectionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcPeeringConnectionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;

/**
 * EC2 networking listings (VPCs, subnets, security groups, gateways, route tables, network ACLs,
 * network interfaces, VPC endpoints and peerings, elastic IPs, flow logs) from the estate's
 * {@code ec2} collections of the caller's account and the call's region.
 *
 * <p>Each listing narrows by its id list (an unknown id is the operation's NotFound error, as AWS
 * answers it) and by the EC2 filters on ids, VPC and subnet that callers commonly use; an unknown
 * filter name is refused rather than ignored, so a caller relying on one notices. Pages follow
 * AWS: without MaxResults the whole listing comes back in one response, with it the page size
 * must lie within the operation's bounds.
 */
public final class Ec2NetworkApi implements ResourceApi {

  /** Declares the group. */
  public Ec2NetworkApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeVpcsRequest.class, (ctx, req) -> {
      Page<Vpc> p = listing(store, ctx, "Vpcs", Vpc.class, Vpc::vpcId, req.vpcIds(), "InvalidVpcID.NotFound",
          req.filters(), filters(Vpc::tags, Map.of("vpc-id", v -> one(v.vpcId()), "state",
              v -> one(v.stateAsString()), "owner-id", v -> one(v.ownerId()), "cidr-block-association.cidr-block",
              v -> v.cidrBlockAssociationSet().stream().map(a -> a.cidrBlock()).toList())),
          req.nextToken(), req.maxResults(), 5, 1000);
      return DescribeVpcsResponse.builder().vpcs(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeSubnetsRequest.class, (ctx, req) -> {
      Page<Subnet> p = listing(store, ctx, "Subnets", Subnet.class, Subnet::subnetId, req.subnetIds(),
          "InvalidSubnetID.NotFound", req.filters(), filters(Subnet::tags, Map.of(
              "subnet-id", s -> one(s.subnetId()), "vpc-id", s -> one(s.vpcId()),
              "availability-zone", s -> one(s.availabilityZone()), "state", s -> one(s.stateAsString()))),
          req.nextToken(), req.maxResults(), 5, 1000);
      return DescribeSubnetsResponse.builder().subnets(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeSecurityGroupsRequest.class, (ctx, req) -> {
      Page<SecurityGroup> p = listing(store, ctx, "SecurityGroups", SecurityGroup.class, SecurityGroup::groupId,
          req.groupIds(), "InvalidGroup.NotFound", req.filters(), filters(SecurityGroup::tags, Map.of(
              "group-id", g -> one(g.groupId()), "group-name", g -> one(g.groupName()),
              "vpc-id", g -> one(g.vpcId()))),
          req.nextToken(), req.maxResults(), 5, 1000);
      if (req.hasGroupNames()) {
        // group names select like ids, but within the already narrowed page
        List<SecurityGroup> named = p.items().stream().filter(g -> req.groupNames().contains(g.groupName())).toList();
        p = new Page<>(named, p.nextToken());
      }
      return DescribeSecurityGroupsResponse.builder().securityGroups(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeInternetGatewaysRequest.class, (ctx, req) -> {
      Page<InternetGateway> p = listing(store, ctx, "InternetGateways", InternetGateway.class,
          InternetGateway::internetGatewayId, req.internetGatewayIds(), "InvalidInternetGatewayID.NotFound",
          req.filters(), filters(InternetGateway::tags, Map.of(
              "internet-gateway-id", g -> one(g.internetGatewayId()),
              "attachment.vpc-id", g -> g.attachments().stream().map(InternetGatewayAttachment::vpcId).toList())),
          req.nextToken(), req.maxResults(), 5, 1000);
      return DescribeInternetGatewaysResponse.builder().internetGateways(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeNatGatewaysRequest.class, (ctx, req) -> {
      Page<NatGateway> p = listing(store, ctx, "NatGateways", NatGateway.class, NatGateway::natGatewayId,
          req.natGatewayIds(), "NatGatewayNotFound", req.filter(), filters(NatGateway::tags, Map.of(
              "nat-gateway-id", n -> one(n.natGatewayId()), "vpc-id", n -> one(n.vpcId()),
              "subnet-id", n -> one(n.subnetId()), "state", n -> one(n.stateAsString()))),
          req.nextToken(), req.maxResults(), 5, 1000);
      return DescribeNatGatewaysResponse.builder().natGateways(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeRouteTablesRequest.class, (ctx, req) -> {
      Page<RouteTable> p = listing(store, ctx, "RouteTables", RouteTable.class, RouteTable::routeTableId,
          req.routeTableIds(), "InvalidRouteTableID.NotFound", req.filters(), filters(RouteTable::tags, Map.of(
              "route-table-id", r -> one(r.routeTableId()), "vpc-id", r -> one(r.vpcId()),
              "association.subnet-id", r -> r.associations().stream().map(RouteTableAssociation::subnetId).toList())),
          req.nextToken(), req.maxResults(), 5, 100);
      return DescribeRouteTablesResponse.builder().routeTables(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeNetworkAclsRequest.class, (ctx, req) -> {
      Page<NetworkAcl> p = listing(store, ctx, "NetworkAcls", NetworkAcl.class, NetworkAcl::networkAclId,
          req.networkAclIds(), "InvalidNetworkAclID.NotFound", req.filters(), filters(NetworkAcl::tags, Map.of(
              "network-acl-id", a -> one(a.networkAclId()), "vpc-id", a -> one(a.vpcId()),
              "association.subnet-id", a -> a.associations().stream().map(NetworkAclAssociation::subnetId).toList())),
          req.nextToken(), req.maxResults(), 5, 100);
      return DescribeNetworkAclsResponse.builder().networkAcls(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeNetworkInterfacesRequest.class, (ctx, req) -> {
      Page<NetworkInterface> p = listing(store, ctx, "NetworkInterfaces", NetworkInterface.class,
          NetworkInterface::networkInterfaceId, req.networkInterfaceIds(), "InvalidNetworkInterfaceID.NotFound",
          req.filters(), filters(NetworkInterface::tagSet, Map.of(
              "network-interface-id", n -> one(n.networkInterfaceId()), "vpc-id", n -> one(n.vpcId()),
              "subnet-id", n -> one(n.subnetId()),
              "group-id", n -> n.groups().stream().map(g -> g.groupId()).toList(),
              "attachment.instance-id", n -> n.attachment() == null ? List.of() : one(n.attachment().instanceId()))),
          req.nextToken(), req.maxResults(), 5, 1000);
      return DescribeNetworkInterfacesResponse.builder().networkInterfaces(p.items()).nextToken(p.nextToken())
          .build();
    });
    registry.on(DescribeVpcEndpointsRequest.class, (ctx, req) -> {
      Page<VpcEndpoint> p = listing(store, ctx, "VpcEndpoints", VpcEndpoint.class, VpcEndpoint::vpcEndpointId,
          req.vpcEndpointIds(), "InvalidVpcEndpointId.NotFound", req.filters(), filters(VpcEndpoint::tags, Map.of(
              "vpc-endpoint-id", e -> one(e.vpcEndpointId()), "vpc-id", e -> one(e.vpcId()),
              "service-name", e -> one(e.serviceName()), "vpc-endpoint-state", e -> one(e.stateAsString()))),
          req.nextToken(), req.maxResults(), 1, 1000);
      return DescribeVpcEndpointsResponse.builder().vpcEndpoints(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeVpcPeeringConnectionsRequest.class, (ctx, req) -> {
      Page<VpcPeeringConnection> p = listing(store, ctx, "VpcPeeringConnections", VpcPeeringConnection.class,
          VpcPeeringConnection::vpcPeeringConnectionId, req.vpcPeeringConnectionIds(),
          "InvalidVpcPeeringConnectionID.NotFound", req.filters(), filters(VpcPeeringConnection::tags, Map.of(
              "vpc-peering-connection-id", c -> one(c.vpcPeeringConnectionId()),
              "requester-vpc-info.vpc-id", c -> c.requesterVpcInfo() == null ? List.of()
                  : one(c.requesterVpcInfo().vpcId()),
              "accepter-vpc-info.vpc-id", c -> c.accepterVpcInfo() == null ? List.of()
                  : one(c.accepterVpcInfo().vpcId()))),
          req.nextToken(), req.maxResults(), 5, 1000);
      return DescribeVpcPeeringConnectionsResponse.builder().vpcPeeringConnections(p.items())
          .nextToken(p.nextToken()).build();
    });
    registry.on(DescribeAddressesRequest.class, (ctx, req) -> {
      // DescribeAddresses has no pagination: every address of the region in one answer
      List<Address> all = store.regional(ctx, "ec2", "Addresses", Address.class);
      List<Address> out = select(all, Address::publicIp, req.publicIps(), "InvalidAddress.NotFound");
      out = select(out, Address::allocationId, req.allocationIds(), "InvalidAllocationID.NotFound");
      out = applyFilters(out, req.filters(), filters(Address::tags, Map.of(
          "public-ip", a -> one(a.publicIp()), "allocation-id", a -> one(a.allocationId()),
          "instance-id", a -> one(a.instanceId()), "network-interface-id", a -> one(a.networkInterfaceId()),
          "domain", a -> one(a.domainAsString()))));
      return DescribeAddressesResponse.builder().addresses(out).build();
    });
    registry.on(DescribeFlowLogsRequest.class, (ctx, req) -> {
      Page<FlowLog> p = listing(store, ctx, "FlowLogs", FlowLog.class, FlowLog::flowLogId, req.flowLogIds(),
          "InvalidFlowLogId.NotFound", req.filter(), filters(FlowLog::tags, Map.of(
              "flow-log-id", f -> one(f.flowLogId()), "resource-id", f -> one(f.resourceId()),
              "log-destination-type", f -> one(f.logDestinationTypeAsString()))),
          req.nextToken(), req.maxResults(), 1, 1000);
      return DescribeFlowLogsResponse.builder().flowLogs(p.items()).nextToken(p.nextToken()).build();
    });
  }

  /** One listing: the region's collection, narrowed by ids and filters, cut into the requested page. */
  private static <T extends SdkPojo> Page<T> listing(ResourceStore store, CallContext ctx, String collection,
      Class<T> type, Function<T, String> idOf, List<String> ids, String notFound, List<Filter> filters,
      Map<String, Function<T, List<String>>> fields, String token, Integer maxResults, int minSize, int maxSize) {
    List<T> all = store.regional(ctx, "ec2", collection, type);
    List<T> selected = applyFilters(select(all, idOf, ids, notFound), filters, fields);
    if (maxResults == null && (token == null || token.isEmpty())) {
      // AWS answers a describe call without MaxResults with everything at once
      return new Page<>(selected, null);
    }
    if (maxResults != null && maxResults < minSize) {
      throw AwsError.of(400, "InvalidParameterValue",
          "Value ( " + maxResults + " ) for parameter maxResults is invalid. Expecting a value between "
              + minSize + " and " + maxSize + ".");
    }
    String listing = "ec2:Describe" + collection + ":" + ctx.caller().accountId() + ":" + ctx.region();
    return Page.of(selected, listing, token, maxResults, maxSize, maxSize);
  }

  /** Keeps the items whose id is asked for; an id that does not exist fails the call, as on AWS. */
  private static <T> List<T> select(List<T> all, Function<T, String> idOf, List<String> ids, String notFound) {
    if (ids == null || ids.isEmpty()) {
      return all;
    }
    List<T> out = new ArrayList<>();
    for (String id : ids) {
      T item = all.stream().filter(t -> id.equals(idOf.apply(t))).findFirst()
          .orElseThrow(() -> AwsError.of(400, notFound, "The id '" + id + "' does not exist"));
      if (!out.contains(item)) {
        out.add(item);
      }
    }
    return out;
  }

  /** The filter fields of one listing plus the {@code tag:<key>} and {@code tag-key} filters every EC2 listing has. */
  private static <T> Map<String, Function<T, List<String>>> filters(Function<T, List<Tag>> tags,
      Map<String, Function<T, List<String>>> fields) {
    Map<String, Function<T, List<String>>> all = new LinkedHashMap<>(fields);
    all.put("tag-key", t -> tags.apply(t).stream().map(Tag::key).toList());
    // tag:<key> filters match "key=value" strings; the name cannot clash with a real filter
    all.put("#tags", t -> tags.apply(t).stream().map(tag -> tag.key() + "=" + tag.value()).toList());
    return all;
  }

  /** A single-valued filter field: an item without the value matches no filter value. */
  private static List<String> one(String value) {
    return value == null ? List.of() : List.of(value);
  }

  /** Applies EC2 filters: all filters must match, any value of one filter may ({@code *} and {@code ?} wildcards). */
  private static <T> List<T> applyFilters(List<T> items, List<Filter> filters,
      Map<String, Function<T, List<String>>> fields) {
    if (filters == null || filters.isEmpty()) {
      return items;
    }
    List<T> out = items;
    for (Filter filter : filters) {
      String name = String.valueOf(filter.name());
      Function<T, List<String>> field;
      List<Pattern> values;
      if (name.startsWith("tag:")) {
        String key = name.substring(4);
        field = fields.get("#tags");
        values = filter.values().stream().map(v -> Ec2FilterValue.pattern(key + "=" + v)).toList();
      } else {
        field = name.equals("#tags") ? null : fields.get(name);
        values = filter.values().stream().map(Ec2FilterValue::pattern).toList();
      }
      if (field == null) {
        throw AwsError.of(400, "InvalidParameterValue", "The filter '" + name + "' is invalid");
      }
      Function<T, List<String>> f = field;
      out = out.stream().filter(item -> f.apply(item).stream().filter(Objects::nonNull)
          .anyMatch(v -> values.stream().anyMatch(p -> p.matcher(v).matches()))).toList();
    }
    return out;
  }

}
