package io.resoto.worker.awssim.protocol;

/**
 * The wire protocols the simulator speaks, as the SDK's generated clients choose them through
 * their protocol factory.
 *
 * <p>No service the simulator depends on (sts, iam, organizations, ec2, lambda, s3, s3control,
 * dynamodb, cloudwatch, sqs) uses Smithy RPCv2-CBOR in SDK 2.35.0: their generated default clients
 * build an {@code AwsQueryProtocolFactory}, {@code AwsEc2ProtocolFactory},
 * {@code AwsJsonProtocolFactory}, {@code AwsS3ProtocolFactory} or {@code AwsXmlProtocolFactory}.
 * CBOR is therefore not implemented.
 */
public enum Protocol {
  /** AWS query: form-encoded {@code Action=...}, XML answers with a result wrapper. */
  QUERY,
  /** EC2's variant of query: no {@code .member.} in lists, lower-camel XML answers, no wrapper. */
  EC2,
  /** AWS JSON 1.0/1.1: {@code X-Amz-Target} names the operation. */
  JSON,
  /** REST with JSON bodies: method and URI template name the operation. */
  REST_JSON,
  /** REST with XML bodies (S3, S3 Control). */
  REST_XML;

  /** Whether the operation is named by the HTTP method and a URI template. */
  public boolean isRest() {
    return this == REST_JSON || this == REST_XML;
  }
}
