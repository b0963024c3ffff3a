package io.resoto.worker.awssim.identity;

import io.resoto.worker.awssim.Ec2FilterValue;
import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.estate.Account;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.Regions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * EC2 DescribeRegions for the caller's account: the enabled regions, with AllRegions also the
 * opt-in regions the account has not enabled; RegionNames and the {@code region-name},
 * {@code endpoint} and {@code opt-in-status} filters narrow the answer.
 */
public final class Ec2RegionsApi {
  public static final String OPT_IN_NOT_REQUIRED = "opt-in-not-required";
  public static final String OPTED_IN = "opted-in";
  public static final String NOT_OPTED_IN = "not-opted-in";

  private final Estate estate;

  public Ec2RegionsApi(Estate estate) {
    this.estate = Objects.requireNonNull(estate);
  }

  public void register(HandlerRegistry registry) {
    registry.on(DescribeRegionsRequest.class, this::describeRegions);
  }

  public DescribeRegionsResponse describeRegions(CallContext context, DescribeRegionsRequest request) {
    RegionAccess.requireEnabled(estate, context);
    Account account = context.caller() == null ? null : estate.account(context.caller().accountId()).orElse(null);
    if (account == null) {
      throw AwsError.of(AwsError.Kind.ACCESS_DENIED, "The caller's account is not part of the estate");
    }
    List<Region> regions = new ArrayList<>();
    for (String name : account.regions()) {
      regions.add(region(name, Regions.isOptIn(name) ? OPTED_IN : OPT_IN_NOT_REQUIRED));
    }
    if (Boolean.TRUE.equals(request.allRegions())) {
      for (String name : account.notOptedIn()) {
        regions.add(region(name, NOT_OPTED_IN));
      }
    }
    if (request.hasRegionNames()) {
      List<String> unknown = request.regionNames().stream()
          .filter(n -> !account.regions().contains(n) && !account.notOptedIn().contains(n)).toList();
      if (!unknown.isEmpty()) {
        throw AwsError.of(400, "InvalidParameterValue", "Invalid region names: " + unknown);
      }
      regions.removeIf(r -> !request.regionNames().contains(r.regionName()));
    }
    if (request.hasFilters()) {
      for (Filter filter : request.filters()) {
        Function<Region, String> field = switch (String.valueOf(filter.name())) {
          case "region-name" -> Region::regionName;
          case "endpoint" -> Region::endpoint;
          case "opt-in-status" -> Region::optInStatus;
          default -> throw AwsError.of(400, "InvalidParameterValue",
              "The filter '" + filter.name() + "' is invalid");
        };
        List<Pattern> values = filter.values().stream().map(Ec2FilterValue::pattern).toList();
        regions.removeIf(r -> values.stream().noneMatch(v -> v.matcher(field.apply(r)).matches()));
      }
    }
    regions.sort(Comparator.comparing(Region::regionName));
    return DescribeRegionsResponse.builder().regions(regions).build();
  }

  private static Region region(String name, String optInStatus) {
    return Region.builder().regionName(name).endpoint(Regions.ec2Endpoint(name)).optInStatus(optInStatus).build();
  }

}
