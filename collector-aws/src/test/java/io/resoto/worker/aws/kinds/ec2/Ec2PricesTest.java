package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ec2PricesTest {

  /** A PriceList document in AWS's shape, with the given product attributes (JSON members) and USD price. */
  private static String priceList(String attributes, String usd) {
    return """
        {"product": {"productFamily": "Compute Instance", "sku": "SKU1", "attributes": {%s}},
         "serviceCode": "AmazonEC2",
         "terms": {"OnDemand": {"SKU1.JRTCKXETXF": {"offerTermCode": "JRTCKXETXF", "sku": "SKU1",
           "priceDimensions": {"SKU1.JRTCKXETXF.6YS6EN2CT7": {"unit": "Hrs", "pricePerUnit": {"USD": "%s"}}}}}}}
        """.formatted(attributes, usd);
  }

  @Test
  void anOfferHasThePriceTheEcuAndTheProcessorOfTheProduct() {
    Ec2Prices.InstanceTypeOffer offer = Ec2Prices.instanceTypeOffer(priceList(
        "\"instanceType\": \"c5.2xlarge\", \"ecu\": \"39\", \"physicalProcessor\": \"Intel Xeon Platinum 8124M\"",
        "0.3400000000"));
    assertThat(offer).isEqualTo(new Ec2Prices.InstanceTypeOffer(0.34, 39.0, "Intel Xeon Platinum 8124M"));
    assertThat(Ec2Prices.instanceTypeOffer(priceList("\"ecu\": \"26.5\"", "0.1")).ecu()).isEqualTo(26.5);
  }

  @Test
  void anEcuWithoutANumberIsNull() {
    assertThat(Ec2Prices.instanceTypeOffer(priceList("\"ecu\": \"Variable\"", "0.0104")).ecu()).isNull();
    assertThat(Ec2Prices.instanceTypeOffer(priceList("\"ecu\": \"NA\"", "0.526")).ecu()).isNull();
    assertThat(Ec2Prices.instanceTypeOffer(priceList("\"ecu\": \"NaN\"", "0.526")).ecu()).isNull();
  }

  @Test
  void missingAttributesAreNullAndThePriceStays() {
    Ec2Prices.InstanceTypeOffer offer = Ec2Prices.instanceTypeOffer(priceList("\"physicalProcessor\": \"\"", "0.096"));
    assertThat(offer).isEqualTo(new Ec2Prices.InstanceTypeOffer(0.096, null, null));
    assertThat(Ec2Prices.instanceTypeOffer("{\"terms\": {}}"))
        .isEqualTo(new Ec2Prices.InstanceTypeOffer(null, null, null));
  }
}
