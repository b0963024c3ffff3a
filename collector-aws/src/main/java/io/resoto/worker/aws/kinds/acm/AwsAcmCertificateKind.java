package io.resoto.worker.aws.kinds.acm;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ExtendedKeyUsage;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.KeyUsage;

/**
 * {@code aws_acm_certificate}: the ACM certificates of a region, listed by ListCertificates (every
 * key algorithm, not only ACM's default RSA ones) and read one by one with DescribeCertificate.
 * As in the original, the kind has no edges and no tag calls; DescribeCertificate carries no tags,
 * so none are set.
 */
public final class AwsAcmCertificateKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_acm_certificate";

  /** ListCertificates' largest page. */
  static final int PAGE_SIZE = 1000;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("certificate", KindModel.AWS_RESOURCE)
      .display("certificate", "security")
      .property("subject_alternative_names", "string[]", "The names the certificate is valid for, its domain name first.")
      .property("managed_by", "string", "The AWS service that manages the certificate, e.g. CLOUDFRONT.")
      .property("domain_validation_options", "string[]", "Each domain of the certificate with its validation method and status, as domain:method:status.")
      .property("serial", "string", "The serial number of the certificate.")
      .property("subject", "string", "The X.500 distinguished name of the subject.")
      .property("issuer", "string", "The name of the certificate authority that issued the certificate.")
      .property("issued_at", "datetime", "When ACM issued the certificate (Amazon-issued certificates only).")
      .property("imported_at", "datetime", "When the certificate was imported (imported certificates only).")
      .property("certificate_status", "string", "The status: PENDING_VALIDATION, ISSUED, INACTIVE, EXPIRED, VALIDATION_TIMED_OUT, REVOKED or FAILED.")
      .property("revoked_at", "datetime", "When the certificate was revoked.")
      .property("revocation_reason", "string", "Why the certificate was revoked.")
      .property("not_before", "datetime", "The start of the certificate's validity.")
      .property("not_after", "datetime", "The end of the certificate's validity.")
      .property("key_algorithm", "string", "The algorithm of the key pair, e.g. RSA_2048 or EC_prime256v1.")
      .property("signature_algorithm", "string", "The algorithm used to sign the certificate.")
      .property("in_use_by", "string[]", "The ARNs of the AWS resources that use the certificate.")
      .property("failure_reason", "string", "Why ACM could not issue the certificate.")
      .property("certificate_type", "string", "How the certificate came to ACM: AMAZON_ISSUED, IMPORTED or PRIVATE.")
      .property("renewal_status", "string", "The status of ACM's managed renewal.")
      .property("renewal_status_reason", "string", "Why the managed renewal failed.")
      .property("key_usages", "string[]", "The key usages of the certificate's public key.")
      .property("extended_key_usages", "string[]", "The extended key usages of the certificate's public key.")
      .property("certificate_authority_arn", "string", "The ARN of the private CA that issued the certificate.")
      .property("renewal_eligibility", "string", "Whether ACM can renew the certificate: ELIGIBLE or INELIGIBLE.")
      .property("certificate_transparency_logging", "string", "Whether the certificate is logged in public transparency logs: ENABLED or DISABLED.")
      .property("export_option", "string", "Whether the certificate may be exported: ENABLED or DISABLED.")
      .build();

  /** Declares the kind. */
  public AwsAcmCertificateKind() {
    super(KIND, Scope.REGIONAL, "acm", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("acm:DescribeCertificate", "acm:ListCertificates");
  }

  @Override
  public void collect(KindContext ctx) {
    AcmClient acm = ctx.client(AcmClient.builder());
    // ACM lists RSA_1024 and RSA_2048 certificates only unless asked for the other key types
    List<KeyAlgorithm> every = KeyAlgorithm.knownValues().stream().toList();
    for (CertificateSummary s : acm.listCertificatesPaginator(b -> b.maxItems(PAGE_SIZE)
        .includes(i -> i.keyTypes(every))).certificateSummaryList()) {
      ctx.submit(() -> {
        CertificateDetail c = acm.describeCertificate(b -> b.certificateArn(s.certificateArn())).certificate();
        ctx.add(node(ctx, c));
      });
    }
  }

  /**
   * Maps a certificate: id = the certificate id (the ARN's last segment), name = DomainName, ctime
   * = CreatedAt, mtime = the renewal's UpdatedAt.
   */
  static Node node(KindContext ctx, CertificateDetail c) {
    String arn = c.certificateArn();
    Node.Builder b = ctx.node(KIND, arn.substring(arn.lastIndexOf('/') + 1))
        .name(c.domainName())
        .ctime(c.createdAt())
        .mtime(c.renewalSummary() == null ? null : c.renewalSummary().updatedAt())
        .categories("security")
        .property("subject_alternative_names", orNull(c.subjectAlternativeNames()))
        .property("managed_by", c.managedByAsString())
        .property("domain_validation_options", orNull(c.domainValidationOptions().stream()
            .map(AwsAcmCertificateKind::validation).toList()))
        .property("serial", c.serial())
        .property("subject", c.subject())
        .property("issuer", c.issuer())
        .property("issued_at", c.issuedAt())
        .property("imported_at", c.importedAt())
        .property("certificate_status", c.statusAsString())
        .property("revoked_at", c.revokedAt())
        .property("revocation_reason", c.revocationReasonAsString())
        .property("not_before", c.notBefore())
        .property("not_after", c.notAfter())
        .property("key_algorithm", c.keyAlgorithmAsString())
        .property("signature_algorithm", c.signatureAlgorithm())
        .property("in_use_by", orNull(c.inUseBy()))
        .property("failure_reason", c.failureReasonAsString())
        .property("certificate_type", c.typeAsString())
        .property("renewal_status", c.renewalSummary() == null ? null : c.renewalSummary().renewalStatusAsString())
        .property("renewal_status_reason", c.renewalSummary() == null ? null
            : c.renewalSummary().renewalStatusReasonAsString())
        .property("key_usages", orNull(c.keyUsages().stream().map(KeyUsage::nameAsString).toList()))
        .property("extended_key_usages", orNull(c.extendedKeyUsages().stream()
            .map(ExtendedKeyUsage::nameAsString).toList()))
        .property("certificate_authority_arn", c.certificateAuthorityArn())
        .property("renewal_eligibility", c.renewalEligibilityAsString())
        .property("certificate_transparency_logging", c.options() == null ? null
            : c.options().certificateTransparencyLoggingPreferenceAsString())
        .property("export_option", c.options() == null ? null : c.options().exportAsString());
    return KindContext.arn(b, arn).build();
  }

  private static String validation(DomainValidation v) {
    return v.domainName() + ":" + v.validationMethodAsString() + ":" + v.validationStatusAsString();
  }

  private static <T> List<T> orNull(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }
}
