package io.resoto.worker.awssim.resources.opensearch;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.util.List;
import software.amazon.awssdk.services.opensearch.model.DescribeDomainsRequest;
import software.amazon.awssdk.services.opensearch.model.DescribeDomainsResponse;
import software.amazon.awssdk.services.opensearch.model.DomainInfo;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;
import software.amazon.awssdk.services.opensearch.model.ListDomainNamesRequest;
import software.amazon.awssdk.services.opensearch.model.ListDomainNamesResponse;

/**
 * OpenSearch Service domains (REST-JSON, signing name {@code es}): ListDomainNames and
 * DescribeDomains, from the estate's {@code opensearch.Domains} collection ({@link DomainStatus},
 * DescribeDomains' item).
 *
 * <p>As in AWS: ListDomainNames answers every domain without paging, filtered by
 * {@code EngineType} (OpenSearch or Elasticsearch, from the engine version); DescribeDomains takes
 * 1..5 names ({@code ValidationException} otherwise) and answers the domains that exist among them.
 */
public final class OpenSearchDomainsApi implements ResourceApi {

  /** Registered in {@code ResourceApis.ALL}. */
  public OpenSearchDomainsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListDomainNamesRequest.class, (ctx, req) -> {
      List<DomainInfo> out = store.regional(ctx, "opensearch", "Domains", DomainStatus.class).stream()
          .map(d -> DomainInfo.builder().domainName(d.domainName()).engineType(engine(d)).build())
          .filter(i -> req.engineTypeAsString() == null || req.engineTypeAsString().equals(i.engineTypeAsString()))
          .toList();
      return ListDomainNamesResponse.builder().domainNames(out).build();
    });
    registry.on(DescribeDomainsRequest.class, (ctx, req) -> {
      if (req.domainNames().isEmpty() || req.domainNames().size() > 5) {
        throw AwsError.of(400, "ValidationException",
            "1 validation error detected: Value at 'domainNames' failed to satisfy constraint: Member must have length between 1 and 5");
      }
      List<DomainStatus> out = store.regional(ctx, "opensearch", "Domains", DomainStatus.class).stream()
          .filter(d -> req.domainNames().contains(d.domainName())).toList();
      return DescribeDomainsResponse.builder().domainStatusList(out).build();
    });
  }

  private static String engine(DomainStatus d) {
    return d.engineVersion() != null && d.engineVersion().startsWith("Elasticsearch") ? "Elasticsearch" : "OpenSearch";
  }
}
