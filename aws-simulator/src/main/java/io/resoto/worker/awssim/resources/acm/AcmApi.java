package io.resoto.worker.awssim.resources.acm;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.acm.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.ListCertificatesRequest;
import software.amazon.awssdk.services.acm.model.ListCertificatesResponse;

/**
 * ACM (JSON 1.1, target prefix {@code CertificateManager}) in the caller's account and region:
 * ListCertificates and DescribeCertificate, from the estate collection {@code Certificates}
 * (items in the shape of DescribeCertificate's {@code Certificate}).
 *
 * <p>As in AWS: ListCertificates answers summaries, by default only RSA_1024 and RSA_2048
 * certificates (other key algorithms only when {@code Includes.keyTypes} names them), filtered by
 * {@code CertificateStatuses}; pages hold MaxItems (1..1000) certificates; a foreign or tampered
 * token is {@code InvalidArgsException}. DescribeCertificate of a malformed ARN is
 * {@code InvalidArnException}, of an unknown one {@code ResourceNotFoundException}.
 */
public final class AcmApi implements ResourceApi {

  private static final int MAX_ITEMS = 1000;
  private static final Set<KeyAlgorithm> DEFAULT_KEY_TYPES = Set.of(KeyAlgorithm.RSA_1024, KeyAlgorithm.RSA_2048);
  private static final ResourceStore.ItemKey<CertificateDetail> BY_ARN =
      ResourceStore.ItemKey.of("CertificateArn", CertificateDetail::certificateArn);

  /** Registered in {@code ResourceApis.ALL}. */
  public AcmApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListCertificatesRequest.class, (ctx, req) -> {
      Set<KeyAlgorithm> keyTypes = req.includes() != null && req.includes().hasKeyTypes()
          ? Set.copyOf(req.includes().keyTypes()) : DEFAULT_KEY_TYPES;
      List<CertificateDetail> all = store.regional(ctx, "acm", "Certificates", CertificateDetail.class).stream()
          .filter(c -> keyTypes.contains(c.keyAlgorithm()))
          .filter(c -> !req.hasCertificateStatuses() || req.certificateStatuses().contains(c.status()))
          .toList();
      if (req.maxItems() != null && (req.maxItems() < 1 || req.maxItems() > MAX_ITEMS)) {
        throw AwsError.of(400, "ValidationException", "1 validation error detected: Value '" + req.maxItems()
            + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and " + MAX_ITEMS);
      }
      Page<CertificateDetail> page;
      try {
        page = Page.of(all, "acm:ListCertificates:" + ctx.caller().accountId() + ":" + ctx.region() + ":"
            + keyTypes + ":" + req.certificateStatuses(), req.nextToken(), req.maxItems(), MAX_ITEMS, MAX_ITEMS);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidArgsException", "The NextToken is invalid.");
      }
      return ListCertificatesResponse.builder().certificateSummaryList(page.items().stream().map(AcmApi::summary)
          .toList()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeCertificateRequest.class, (ctx, req) -> {
      String arn = req.certificateArn();
      if (arn == null || !arn.matches("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+")) {
        throw AwsError.of(400, "InvalidArnException", "String '" + arn + "' is not a valid ARN.");
      }
      CertificateDetail c = store.findRegional(ctx, "acm", "Certificates", CertificateDetail.class, BY_ARN, arn);
      if (c == null) {
        throw AwsError.of(400, "ResourceNotFoundException", "Could not find certificate " + arn + ".");
      }
      return DescribeCertificateResponse.builder().certificate(c).build();
    });
  }

  /** The summary ListCertificates gives of a certificate. */
  static CertificateSummary summary(CertificateDetail c) {
    return CertificateSummary.builder().certificateArn(c.certificateArn()).domainName(c.domainName())
        .subjectAlternativeNameSummaries(c.subjectAlternativeNames())
        .hasAdditionalSubjectAlternativeNames(false)
        .status(c.status()).type(c.type()).keyAlgorithm(c.keyAlgorithm())
        .keyUsagesWithStrings(c.keyUsages().stream().map(k -> k.nameAsString()).toList())
        .extendedKeyUsagesWithStrings(c.extendedKeyUsages().stream().map(k -> k.nameAsString()).toList())
        .inUse(!c.inUseBy().isEmpty()).renewalEligibility(c.renewalEligibility())
        .notBefore(c.notBefore()).notAfter(c.notAfter()).createdAt(c.createdAt()).issuedAt(c.issuedAt())
        .importedAt(c.importedAt()).revokedAt(c.revokedAt()).managedBy(c.managedBy()).build();
  }
}
