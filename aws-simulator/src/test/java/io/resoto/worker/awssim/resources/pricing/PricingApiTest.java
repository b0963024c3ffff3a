package io.resoto.worker.awssim.resources.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/** GetProducts over the wire (JSON 1.1) from the demo estate's price lists. */
class PricingApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Simulation sim;
  private static PricingClient pricing;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    pricing = DemoClients.client(sim, PricingClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    pricing.close();
    sim.close();
  }

  private static Filter term(String field, String value) {
    return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
  }

  private static String usd(String priceList) throws Exception {
    JsonNode offer = JSON.readTree(priceList).get("terms").get("OnDemand").elements().next();
    return offer.get("priceDimensions").elements().next().get("pricePerUnit").get("USD").asText();
  }

  @Test
  void theMatchingProductIsAnsweredAsAwsPriceListJson() throws Exception {
    GetProductsResponse r = pricing.getProducts(b -> b.serviceCode("AmazonEC2").formatVersion("aws_v1")
        .filters(term("volumeApiName", "gp3"), term("location", "US East (N. Virginia)"),
            term("productFamily", "Storage")));

    assertThat(r.formatVersion()).isEqualTo("aws_v1");
    assertThat(r.priceList()).hasSize(1);
    assertThat(r.nextToken()).isNull();
    JsonNode doc = JSON.readTree(r.priceList().get(0));
    assertThat(doc.get("serviceCode").asText()).isEqualTo("AmazonEC2");
    assertThat(doc.get("product").get("attributes").get("usagetype").asText()).isEqualTo("EBS:VolumeUsage.gp3");
    assertThat(doc.get("publicationDate").asText()).isEqualTo("2025-09-30T21:04:11Z");
    assertThat(usd(r.priceList().get(0))).isEqualTo("0.0800000000");
  }

  @Test
  void everyFilterMustMatchAndTermMatchIgnoresCase() throws Exception {
    // without the product family the IOPS product of gp3 matches too, and comes first
    List<String> both = pricing.getProducts(b -> b.serviceCode("AmazonEC2")
        .filters(term("volumeApiName", "GP3"), term("location", "us east (n. virginia)"))).priceList();
    assertThat(both).hasSize(2);
    assertThat(usd(both.get(0))).isEqualTo("0.0050000000");

    List<String> linux = pricing.getProducts(b -> b.serviceCode("AmazonEC2").filters(
        term("instanceType", "m5.large"), term("location", "US East (N. Virginia)"),
        term("operatingSystem", "Linux"), term("tenancy", "Shared"), term("preInstalledSw", "NA"),
        term("capacitystatus", "Used"))).priceList();
    assertThat(linux).hasSize(1);
    assertThat(usd(linux.get(0))).isEqualTo("0.0960000000");

    assertThat(pricing.getProducts(b -> b.serviceCode("AmazonEC2").filters(
        term("instanceType", "m5.large"), term("location", "EU (Frankfurt)"))).priceList()).isEmpty();
    assertThat(pricing.getProducts(b -> b.serviceCode("AmazonEC2").filters(
        Filter.builder().type(FilterType.ANY_OF).field("tenancy").value("Dedicated, Host").build())).priceList())
        .hasSize(1);
    assertThat(pricing.getProducts(b -> b.serviceCode("AmazonEC2").filters(
        Filter.builder().type(FilterType.EQUALS).field("volumeApiName").value("GP3").build())).priceList())
        .isEmpty();
  }

  @Test
  void pagesAreReadInFull() {
    List<String> all = new ArrayList<>();
    int pages = 0;
    for (GetProductsResponse page : pricing.getProductsPaginator(b -> b.serviceCode("AmazonEC2").maxResults(5)
        .filters(term("locationType", "AWS Region")))) {
      all.addAll(page.priceList());
      pages++;
    }
    assertThat(all).hasSize(12).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void unknownServiceCodesBadPagesAndOtherRegionsAreRefused() {
    assertThatThrownBy(() -> pricing.getProducts(b -> b.serviceCode("AmazonNothing")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFoundException"));
    assertThatThrownBy(() -> pricing.getProducts(b -> b.serviceCode("AmazonEC2").nextToken("bogus")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextTokenException"));
    assertThatThrownBy(() -> pricing.getProducts(b -> b.serviceCode("AmazonEC2").maxResults(101)))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException"));
    try (PricingClient ohio = DemoClients.client(sim, PricingClient.builder(), "us-east-2")) {
      assertThatThrownBy(() -> ohio.getProducts(b -> b.serviceCode("AmazonEC2")))
          .isInstanceOfSatisfying(AwsServiceException.class,
              e -> assertThat(e.awsErrorDetails().errorMessage()).contains("no endpoint in us-east-2"));
    }
  }
}
